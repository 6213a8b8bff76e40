using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Connector;
using VpWijzer.Protocol;
using VpWijzer.Tests.Auth;
using VpWijzer.Tests.Fakes;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Hosting;

/// <summary>The token matrix of issue 2 against the real endpoint, with keys from a local OpenID metadata server.</summary>
public sealed class AuthenticatedEndpointTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new();
    private LocalOpenIdServer _openId = null!;
    private StandInConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _openId = await LocalOpenIdServer.StartAsync(TestTokenFactory.BotFrameworkIssuer, _key);
        _connector = await StandInConnector.StartAsync();
        _bot = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppId"] = TestTokenFactory.AppId,
                ["Bot:MicrosoftAppTenantId"] = TestTokenFactory.TenantId,
                ["Bot:BotFrameworkOpenIdMetadataUrl"] = _openId.MetadataUrl,
                ["Bot:EntraOpenIdMetadataUrl"] = _openId.MetadataUrl,
                ["Bot:RequireHttpsMetadata"] = "false",
                ["Bot:MicrosoftAppPassword"] = "not-used-in-tests",
                ["State:KeySalt"] = "a-test-salt-that-is-long-enough-0123456789",
            },
            services => services.AddSingleton<IConnectorTokenProvider>(new NoTokenProvider()));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _openId.DisposeAsync();
    }

    private string Token(string? serviceUrl = "stand-in", string issuer = TestTokenFactory.BotFrameworkIssuer, string audience = TestTokenFactory.AppId, DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, TestSigningKey? key = null) =>
        TestTokenFactory.Create(key ?? _key, issuer, audience, serviceUrl == "stand-in" ? _connector.ServiceUrl : serviceUrl, notBefore, expires);

    private async Task<HttpStatusCode> SendAsync(string? authorization)
    {
        var chat = new Conversation(_bot, _connector);
        await chat.TurnAsync(new Activity { Type = ActivityTypes.Message, Text = "help" }, authorization);
        return chat.LastStatus;
    }

    [Fact]
    public async Task ValidToken_Accepted_AndReplyDelivered()
    {
        var status = await SendAsync(TestTokenFactory.Bearer(Token()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(_connector.Activities);
    }

    [Fact]
    public async Task ValidEntraToken_Accepted()
    {
        var status = await SendAsync(TestTokenFactory.Bearer(Token(issuer: TestTokenFactory.EntraV2Issuer())));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<string> Rejected => new()
    {
        "none", "alg-none", "expired", "not-yet-valid", "wrong-audience", "wrong-issuer", "unknown-key", "tampered", "serviceurl-mismatch", "basic-scheme",
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task BadToken_401WithNoDetailAndNothingSent(string kind)
    {
        var now = DateTimeOffset.UtcNow;
        var header = kind switch
        {
            "none" => null,
            "alg-none" => TestTokenFactory.Bearer(TestTokenFactory.CreateUnsigned(serviceUrl: _connector.ServiceUrl)),
            "expired" => TestTokenFactory.Bearer(Token(notBefore: now.AddHours(-2), expires: now.AddHours(-1))),
            "not-yet-valid" => TestTokenFactory.Bearer(Token(notBefore: now.AddHours(1), expires: now.AddHours(2))),
            "wrong-audience" => TestTokenFactory.Bearer(Token(audience: "99999999-0000-0000-0000-000000000000")),
            "wrong-issuer" => TestTokenFactory.Bearer(Token(issuer: "https://evil.example")),
            "unknown-key" => TestTokenFactory.Bearer(Token(key: new TestSigningKey(pair: TestKeyPair.Second))),
            "tampered" => TestTokenFactory.Bearer(TestTokenFactory.TamperPayload(Token(), "aud", "someone-else")),
            "serviceurl-mismatch" => TestTokenFactory.Bearer(Token(serviceUrl: "https://smba.trafficmanager.net/emea/")),
            _ => "Basic dXNlcjpwYXNz",
        };

        var chat = new Conversation(_bot, _connector);
        await chat.TurnAsync(new Activity { Type = ActivityTypes.Message, Text = "help" }, header);

        Assert.Equal(HttpStatusCode.Unauthorized, chat.LastStatus);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Unauthorized_BodyIsEmpty()
    {
        var chat = new Conversation(_bot, _connector);
        var activity = new Activity { Type = ActivityTypes.Message, Text = "help", ServiceUrl = _connector.ServiceUrl, Conversation = new ConversationAccount { Id = "c" }, ChannelId = Channels.MsTeams };

        using var response = await _bot.PostActivityAsync(activity, "Bearer abc.def.ghi");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("expired-within-skew", HttpStatusCode.OK)]
    [InlineData("expired-beyond-skew", HttpStatusCode.Unauthorized)]
    [InlineData("future-within-skew", HttpStatusCode.OK)]
    [InlineData("future-beyond-skew", HttpStatusCode.Unauthorized)]
    public async Task ClockSkew_FiveMinutesEachWay(string kind, HttpStatusCode expected)
    {
        var now = DateTimeOffset.UtcNow;
        var token = kind switch
        {
            "expired-within-skew" => Token(notBefore: now.AddHours(-1), expires: now.AddMinutes(-4)),
            "expired-beyond-skew" => Token(notBefore: now.AddHours(-1), expires: now.AddMinutes(-6)),
            "future-within-skew" => Token(notBefore: now.AddMinutes(4), expires: now.AddHours(1)),
            _ => Token(notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
        };

        var status = await SendAsync(TestTokenFactory.Bearer(token));

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("msteams", HttpStatusCode.OK)]
    [InlineData("webchat", HttpStatusCode.Unauthorized)]
    public async Task SigningKeyEndorsements_MustIncludeTheActivitysChannel(string endorsedChannel, HttpStatusCode expected)
    {
        var endorsedKey = new TestSigningKey(endorsements: [endorsedChannel], pair: TestKeyPair.Third);
        _openId.AddKey(endorsedKey);

        var status = await SendAsync(TestTokenFactory.Bearer(Token(key: endorsedKey)));

        Assert.Equal(expected, status);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, _connector.Activities.Count);
    }

    [Fact]
    public async Task KeyRotation_NewKeyAcceptedAfterMetadataRefresh_OldKeyRejected()
    {
        Assert.Equal(HttpStatusCode.OK, await SendAsync(TestTokenFactory.Bearer(Token())));
        var metadataReads = _openId.KeysRequestCount;
        var rotated = new TestSigningKey(pair: TestKeyPair.Second);
        _openId.RotateTo(rotated);

        var withNewKey = await SendAsync(TestTokenFactory.Bearer(Token(key: rotated)));
        var withOldKey = await SendAsync(TestTokenFactory.Bearer(Token()));

        Assert.Equal(HttpStatusCode.OK, withNewKey);
        Assert.True(_openId.KeysRequestCount > metadataReads, "the keys were not fetched again after rotation");
        Assert.Equal(HttpStatusCode.Unauthorized, withOldKey);
    }
}
