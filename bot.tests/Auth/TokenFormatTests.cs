using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VpWijzer.Auth;
using static VpWijzer.Tests.Auth.TestTokenFactory;

namespace VpWijzer.Tests.Auth;

public sealed class TokenFormatTests
{
    private const string Teams = "msteams";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ValidateAsync_NoHeader_MissingHeader(string? header)
    {
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);

        InboundAuthResult result = await validator.ValidateAsync(header, ServiceUrl, Teams, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Null(result.Identity);
        Assert.Equal(InboundAuthFailure.MissingHeader, result.Failure);
    }

    [Theory]
    [InlineData("Basic ")]
    [InlineData("Token ")]
    [InlineData("")]
    public async Task ValidateAsync_WrongScheme_UnsupportedScheme(string scheme)
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string header = scheme + Create(key);

        InboundAuthResult result = await validator.ValidateAsync(header, ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.UnsupportedScheme, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_LowercaseBearerScheme_Authenticated()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string header = "bearer " + Create(key);

        InboundAuthResult result = await validator.ValidateAsync(header, ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    public async Task ValidateAsync_GarbageToken_MalformedToken(string header)
    {
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);

        InboundAuthResult result = await validator.ValidateAsync(header, ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.MalformedToken, result.Failure);
        Assert.Equal(0, server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_AlgNone_SignatureInvalid()
    {
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = CreateUnsigned();

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Equal(InboundAuthFailure.SignatureInvalid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_AlgNoneWithSignatureOfRealToken_SignatureInvalid()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string[] parts = Create(key).Split('.');
        parts[0] = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{key.KeyId}}"}""");
        string token = string.Join('.', parts);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Equal(InboundAuthFailure.SignatureInvalid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_HmacSignedWithKnownKeyId_AlgorithmNotAllowed()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        var hmacKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))) { KeyId = key.KeyId };
        string token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkIssuer,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256),
        });

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Equal(InboundAuthFailure.AlgorithmNotAllowed, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_RsaPssSignature_AlgorithmNotAllowed()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, algorithm: SecurityAlgorithms.RsaSsaPssSha256);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.AlgorithmNotAllowed, result.Failure);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task ValidateAsync_OtherAllowedRsaAlgorithm_Authenticated(string algorithm)
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = Create(key, algorithm: algorithm);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_TamperedPayload_SignatureInvalid()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        string token = TamperPayload(Create(key), "serviceurl", "https://attacker.example/");

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), "https://attacker.example/", Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.SignatureInvalid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_UnknownSigningKey_SigningKeyNotFound()
    {
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, new TestSigningKey());
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        var stranger = new TestSigningKey(pair: TestKeyPair.Second);
        string token = Create(stranger);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.SigningKeyNotFound, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_StrangerKeyReusingPublishedKeyId_SignatureInvalid()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        var impostor = new TestSigningKey(keyId: key.KeyId, pair: TestKeyPair.Second);
        string token = Create(impostor);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(token), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.SignatureInvalid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_DevelopmentMode_NotConfigured()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        BotAuthOptions options = TestValidator.Options(server);
        options.MicrosoftAppId = "";
        JwtInboundTokenValidator validator = TestValidator.Create(options, http);

        InboundAuthResult result = await validator.ValidateAsync(Bearer(Create(key)), ServiceUrl, Teams, CancellationToken.None);

        Assert.Equal(InboundAuthFailure.NotConfigured, result.Failure);
        Assert.Equal(0, server.MetadataRequestCount);
    }

    [Fact]
    public async Task ValidateAsync_CancelledToken_Throws()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        JwtInboundTokenValidator validator = TestValidator.Create(http, server);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        Task Act() => validator.ValidateAsync(Bearer(Create(key)), ServiceUrl, Teams, cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(Act);
    }
}
