using VpWijzer.Auth;
using static VpWijzer.Tests.Auth.TestTokenFactory;

namespace VpWijzer.Tests.Auth;

public sealed class BotFrameworkTokenTests
{
    private const string Teams = "msteams";

    [Fact]
    public async Task ValidateAsync_ValidBotFrameworkToken_Authenticated()
    {
        var key = new TestSigningKey(endorsements: [Teams]);
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
        Assert.Equal(InboundAuthFailure.None, result.Failure);
        Assert.Equal(BotFrameworkIssuer, result.Identity.FindFirst("iss")?.Value);
    }

    [Fact]
    public async Task ValidateAsync_WrongAudience_AudienceInvalid()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, audience: "99999999-0000-0000-0000-000000000000");

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Equal(InboundAuthFailure.AudienceInvalid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_WrongIssuer_IssuerInvalid()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, issuer: "https://api.botframework.com.evil.example");

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.IssuerInvalid, result.Failure);
        Assert.Equal(0, server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_Expired_Expired()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string token = Create(key, notBefore: now.AddHours(-2), expires: now.AddHours(-1));

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.Expired, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_NoExpiry_ExpirationMissing()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = CreateWithoutExpiry(key);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.ExpirationMissing, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinClockSkew_Authenticated()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string token = Create(key, notBefore: now.AddHours(-1), expires: now.AddMinutes(-4));

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredJustOutsideClockSkew_Expired()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string token = Create(key, notBefore: now.AddHours(-1), expires: now.AddMinutes(-6));

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.Expired, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_NotYetValid_NotYetValid()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, notBefore: DateTimeOffset.UtcNow.AddMinutes(10));

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.NotYetValid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_NotBeforeWithinClockSkew_Authenticated()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, notBefore: DateTimeOffset.UtcNow.AddMinutes(4));

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlClaimDiffers_ServiceUrlMismatch()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, serviceUrl: "https://attacker.example/");

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.ServiceUrlMismatch, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlClaimMissing_ServiceUrlMismatch()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, serviceUrl: null);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.ServiceUrlMismatch, result.Failure);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea")]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/", "HTTPS://SMBA.trafficmanager.net/EMEA/")]
    public async Task ValidateAsync_ServiceUrlDiffersOnlyInTrailingSlashOrCase_Authenticated(string claim, string activityServiceUrl)
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, serviceUrl: claim);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), activityServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_KeyNotEndorsedForChannel_EndorsementMissing()
    {
        var key = new TestSigningKey(endorsements: [Teams]);
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, "webchat", CancellationToken.None);

        Assert.Equal(InboundAuthFailure.EndorsementMissing, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EndorsedKeyAndNoChannelId_EndorsementMissing()
    {
        var key = new TestSigningKey(endorsements: [Teams]);
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, null, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.EndorsementMissing, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_KeyWithoutEndorsements_Authenticated()
    {
        var key = new TestSigningKey(endorsements: null);
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, "webchat", CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }
}
