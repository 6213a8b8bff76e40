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
    private const string OurConnectorToken = "OUR-BOT-CONNECTOR-TOKEN-must-never-leave";
    private const string ForeignApp = "99999999-8888-7777-6666-555555555555";
    private readonly TestSigningKey _key = new();
    private LocalOpenIdServer _openId = null!;
    private StandInConnector _connector = null!;
    private StandInConnector _attacker = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _openId = await LocalOpenIdServer.StartAsync(TestTokenFactory.BotFrameworkIssuer, _key);
        _connector = await StandInConnector.StartAsync();

        // The attacker's server listens on this machine too, but is addressed by a host name that is not on the allow-list.
        _attacker = await StandInConnector.StartAsync();
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
                ["Connector:AllowedServiceUrlHosts:0"] = "127.0.0.1",
                ["Connector:RetryCount"] = "0",
            },
            services => services.AddSingleton<IConnectorTokenProvider>(new FixedTokenProvider(OurConnectorToken)));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _attacker.DisposeAsync();
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

    private string AttackerServiceUrl => _attacker.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    private async Task<HttpStatusCode> SendToAsync(string serviceUrl, string authorization)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "m-1",
            Text = "help",
            ChannelId = Channels.MsTeams,
            ServiceUrl = serviceUrl,
            From = new ChannelAccount { Id = "29:victim", AadObjectId = Guid.NewGuid().ToString() },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:attacker", ConversationType = ConversationTypes.Personal, TenantId = TestTokenFactory.TenantId },
        };
        using var response = await _bot.PostActivityAsync(activity, authorization);
        return response.StatusCode;
    }

    [Fact]
    public async Task ValidToken_ReplyCarriesOurConnectorToken()
    {
        await SendAsync(TestTokenFactory.Bearer(Token()));

        Assert.Equal($"Bearer {OurConnectorToken}", Assert.Single(_connector.Requests).Authorization);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EntraTokenFromOurOwnApp_Accepted(bool v1)
    {
        var status = await SendAsync(TestTokenFactory.Bearer(TestTokenFactory.CreateEntra(_key, TestTokenFactory.AppId, v1)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(_connector.Activities);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EntraTokenFromAnotherAppInOurTenant_401AndNothingSentAnywhere(bool v1)
    {
        var token = TestTokenFactory.CreateEntra(_key, ForeignApp, v1);

        var toAttacker = await SendToAsync(AttackerServiceUrl, TestTokenFactory.Bearer(token));
        var toConnector = await SendToAsync(_connector.ServiceUrl, TestTokenFactory.Bearer(token));

        Assert.Equal(HttpStatusCode.Unauthorized, toAttacker);
        Assert.Equal(HttpStatusCode.Unauthorized, toConnector);
        Assert.Empty(_attacker.Requests);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("entra-v2")]
    [InlineData("entra-v1")]
    [InlineData("bot-framework")]
    public async Task ValidTokenWithServiceUrlOffTheAllowList_403AndNoRequestCarriesOurToken(string kind)
    {
        var token = kind switch
        {
            "entra-v2" => TestTokenFactory.CreateEntra(_key, TestTokenFactory.AppId),
            "entra-v1" => TestTokenFactory.CreateEntra(_key, TestTokenFactory.AppId, v1: true),
            _ => Token(serviceUrl: AttackerServiceUrl),
        };

        var status = await SendToAsync(AttackerServiceUrl, TestTokenFactory.Bearer(token));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(_attacker.Requests);
        Assert.DoesNotContain(_connector.Requests, r => r.Authorization is not null);
    }

    [Theory]
    [InlineData("attacker")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/emea/")]
    [InlineData("https://evil.example/smba.trafficmanager.net/")]
    public async Task ConnectorClient_ServiceUrlOffTheAllowList_RefusedBeforeAnyRequest(string serviceUrl)
    {
        var connector = _bot.Services.GetRequiredService<IConnectorClient>();
        var activity = new Activity { Type = ActivityTypes.Message, Text = "x", ServiceUrl = serviceUrl == "attacker" ? AttackerServiceUrl : serviceUrl, Conversation = new ConversationAccount { Id = "a:vp" } };

        await Assert.ThrowsAsync<ConnectorException>(() => connector.SendToConversationAsync(activity, CancellationToken.None));
        await Assert.ThrowsAsync<ConnectorException>(() => connector.CreateConversationAsync(activity.ServiceUrl, new ConversationParameters(), CancellationToken.None));

        Assert.Empty(_attacker.Requests);
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

    private sealed class FixedTokenProvider(string token) : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(token);
    }
}
