using VpWijzer.Auth;
using static VpWijzer.Tests.Auth.TestTokenFactory;

namespace VpWijzer.Tests.Auth;

public sealed class EntraTokenTests
{
    private const string Teams = "msteams";

    private const string ForeignApp = "99999999-8888-7777-6666-555555555555";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValidateAsync_ValidEntraTokenFromOurOwnApp_Authenticated(bool v1)
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework, entra);
        string token = CreateEntra(entraKey, AppId, v1);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
        Assert.Equal(0, botFramework.MetadataRequestCount);
        Assert.Equal(1, entra.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenWithMatchingServiceUrl_Authenticated()
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework, entra);
        string token = CreateEntra(entraKey, AppId, serviceUrl: ServiceUrl);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenWithOtherServiceUrl_ServiceUrlMismatch()
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework, entra);
        string token = CreateEntra(entraKey, AppId, serviceUrl: "https://attacker.example/");

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.ServiceUrlMismatch, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenFromOtherTenant_IssuerInvalid()
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework, entra);
        string token = Create(entraKey, issuer: EntraV2Issuer("ffffffff-0000-0000-0000-000000000000"), serviceUrl: null);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.IssuerInvalid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenForApplicationIdUri_AudienceInvalid()
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework, entra);
        string token = Create(entraKey, issuer: EntraV2Issuer(), audience: $"api://{AppId}", serviceUrl: null);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.AudienceInvalid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenSignedWithBotFrameworkKey_SigningKeyNotFound()
    {
        var botFrameworkKey = new TestSigningKey();
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, botFrameworkKey);
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), new TestSigningKey(pair: TestKeyPair.Second));
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework, entra);
        string token = Create(botFrameworkKey, issuer: EntraV2Issuer(), serviceUrl: null);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.SigningKeyNotFound, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenForMultiTenantBot_IssuerInvalid()
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        BotAuthOptions options = TestValidator.Options(botFramework, entra);
        options.MicrosoftAppType = BotAppTypes.MultiTenant;
        JwtInboundTokenValidator validator = TestValidator.Create(options, http);
        string token = Create(entraKey, issuer: EntraV2Issuer(), serviceUrl: null);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.IssuerInvalid, result.Failure);
        Assert.Equal(0, entra.MetadataRequestCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValidateAsync_EntraTokenFromAnotherAppInOurTenant_CallerNotAllowed(bool v1)
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework, entra);
        string token = CreateEntra(entraKey, ForeignApp, v1);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), "https://attacker.example/", Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.CallerNotAllowed, result.Failure);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValidateAsync_EntraTokenFromAllowedCaller_Authenticated(bool v1)
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        BotAuthOptions options = TestValidator.Options(botFramework, entra);
        options.AllowedCallers = [ForeignApp.ToUpperInvariant()];
        JwtInboundTokenValidator validator = TestValidator.Create(options, http);
        string token = CreateEntra(entraKey, ForeignApp, v1);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }

    [Theory]
    [InlineData(false, "appid")]
    [InlineData(true, "azp")]
    public async Task ValidateAsync_EntraTokenNamingUsInTheOtherVersionsClaim_CallerNotAllowed(bool v1, string otherClaim)
    {
        var entraKey = new TestSigningKey(pair: TestKeyPair.Second);
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        await using LocalOpenIdServer entra = await LocalOpenIdServer.StartAsync(EntraV2Issuer(), entraKey);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework, entra);
        string token = Create(entraKey, issuer: v1 ? EntraV1Issuer() : EntraV2Issuer(), serviceUrl: null, claims: new Dictionary<string, object> { [otherClaim] = AppId });

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.CallerNotAllowed, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_BotFrameworkTokenWithoutCallerClaims_StillAuthenticated()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer botFramework = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, botFramework);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(Create(key)), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }
}
