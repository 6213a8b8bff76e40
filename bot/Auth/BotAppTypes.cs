namespace VpWijzer.Auth;

/// <summary>The values of <see cref="BotAuthOptions.MicrosoftAppType"/>, as Azure Bot Service names them.</summary>
public static class BotAppTypes
{
    /// <summary>The app registration lives in one tenant (the default for new Azure Bots).</summary>
    public const string SingleTenant = "SingleTenant";

    /// <summary>The app registration accepts any tenant; only Bot Framework channel tokens are accepted.</summary>
    public const string MultiTenant = "MultiTenant";

    /// <summary>The bot's identity is a user-assigned managed identity in one tenant.</summary>
    public const string UserAssignedMsi = "UserAssignedMSI";
}
