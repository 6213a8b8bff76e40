namespace VpWijzer.Auth;

/// <summary>Which authority issued an inbound token, and so which metadata and rules apply.</summary>
internal enum InboundTokenKind
{
    /// <summary>A Bot Connector channel token (issuer https://api.botframework.com).</summary>
    BotFramework,

    /// <summary>An Entra ID token from the bot's own tenant (single-tenant bots).</summary>
    Entra,
}
