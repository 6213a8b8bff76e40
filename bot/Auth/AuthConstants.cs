namespace VpWijzer.Auth;

/// <summary>Wire values from "Authenticate requests with the Bot Connector API" (learn.microsoft.com).</summary>
internal static class AuthConstants
{
    public const string BearerScheme = "Bearer";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The calling client's app id in Entra v2.0 access tokens.</summary>
    public const string AuthorizedPartyClaim = "azp";

    /// <summary>The calling client's app id in Entra v1.0 access tokens.</summary>
    public const string AppIdClaim = "appid";

    /// <summary>The extra JWKS member listing the channels a Bot Framework key may speak for.</summary>
    public const string EndorsementsMember = "endorsements";

    public static string EntraV2Issuer(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    public static string EntraV1Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";
}
