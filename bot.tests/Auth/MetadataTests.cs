using VpWijzer.Auth;
using static VpWijzer.Tests.Auth.TestTokenFactory;

namespace VpWijzer.Tests.Auth;

public sealed class MetadataTests
{
    private const string Teams = "msteams";

    [Fact]
    public async Task ValidateAsync_ManyRequests_MetadataFetchedOnce()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key);

        var results = new List<InboundAuthResult>();
        for (int i = 0; i < 5; i++)
        {
            results.Add(await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None));
        }

        Assert.All(results, r => Assert.True(r.IsAuthenticated));
        Assert.Equal(1, server.MetadataRequestCount);
        Assert.Equal(1, server.KeysRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_TokenSignedWithRotatedKey_RefreshesMetadataAndAuthenticates()
    {
        var oldKey = new TestSigningKey();
        var newKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, oldKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        InboundAuthResult before = await validator.ValidateAsync(Bearer(Create(oldKey)), ServiceUrl, Teams, CancellationToken.None);
        server.RotateTo(newKey);

        InboundAuthResult after = await validator.ValidateAsync(Bearer(Create(newKey)), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(before.IsAuthenticated);
        Assert.True(after.IsAuthenticated);
        Assert.Equal(2, server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_AfterRotation_NewKeyServedFromCache()
    {
        var oldKey = new TestSigningKey();
        var newKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, oldKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        await validator.ValidateAsync(Bearer(Create(oldKey)), ServiceUrl, Teams, CancellationToken.None);
        server.RotateTo(newKey);
        await validator.ValidateAsync(Bearer(Create(newKey)), ServiceUrl, Teams, CancellationToken.None);

        InboundAuthResult again = await validator.ValidateAsync(Bearer(Create(newKey)), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(again.IsAuthenticated);
        Assert.Equal(2, server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_ConcurrentTokensWithRotatedKey_AllAuthenticatedWithOneReload()
    {
        var oldKey = new TestSigningKey();
        var newKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, oldKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        await validator.ValidateAsync(Bearer(Create(oldKey)), ServiceUrl, Teams, CancellationToken.None);
        server.RotateTo(newKey);
        string token = Create(newKey);

        InboundAuthResult[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(
            _ => Task.Run(() => validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.IsAuthenticated));
        Assert.Equal(2, server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_ReloadFails_CachedKeysStillAccepted()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        await validator.ValidateAsync(Bearer(Create(key)), ServiceUrl, Teams, CancellationToken.None);
        server.IsAvailable = false;
        InboundAuthResult unknownKey = await validator.ValidateAsync(
            Bearer(Create(new TestSigningKey(pair: TestKeyPair.Second))), ServiceUrl, Teams, CancellationToken.None);

        InboundAuthResult knownKey = await validator.ValidateAsync(Bearer(Create(key)), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.SigningKeyNotFound, unknownKey.Failure);
        Assert.True(knownKey.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_RepeatedUnknownKeys_RefreshIsThrottled()
    {
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        var stranger = new TestSigningKey(pair: TestKeyPair.Second);
        string token = Create(stranger);

        var results = new List<InboundAuthResult>();
        for (int i = 0; i < 5; i++)
        {
            results.Add(await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal(InboundAuthFailure.SigningKeyNotFound, r.Failure));
        Assert.Equal(2, server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_MetadataEndpointDown_MetadataUnavailable()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        server.IsAvailable = false;
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(Create(key)), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.MetadataUnavailable, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_HttpMetadataWhenHttpsRequired_MetadataUnavailable()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        BotAuthOptions options = TestValidator.Options(server);
        options.RequireHttpsMetadata = true;
        JwtInboundTokenValidator validator = TestValidator.Create(options, http);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(Create(key)), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.MetadataUnavailable, result.Failure);
        Assert.Equal(0, server.MetadataRequestCount);
    }
}
