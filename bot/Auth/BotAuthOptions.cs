using System.ComponentModel.DataAnnotations;

namespace VpWijzer.Auth;

/// <summary>
/// Settings for validating the tokens that the Bot Connector service (or Microsoft Entra ID, for
/// single-tenant bots) puts on every inbound activity. Bound from the <see cref="Section"/> section.
/// </summary>
/// <remarks>
/// An empty <see cref="MicrosoftAppId"/> means development mode: there is nothing to validate a token
/// against, so the validator rejects every request and the HTTP layer decides whether to serve
/// loopback callers without authentication.
/// </remarks>
public sealed class BotAuthOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Bot";

    /// <summary>The default Bot Framework OpenID metadata document (public cloud).</summary>
    public const string DefaultBotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's Microsoft App ID (the Entra app registration's client id); the expected token audience.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The Entra tenant of the bot's app registration; required for single-tenant and managed-identity bots.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>One of the values in <see cref="BotAppTypes"/>.</summary>
    [Required]
    [AllowedValues(BotAppTypes.SingleTenant, BotAppTypes.MultiTenant, BotAppTypes.UserAssignedMsi)]
    public string MicrosoftAppType { get; set; } = BotAppTypes.SingleTenant;

    /// <summary>Where the Bot Connector service publishes its issuer and signing keys.</summary>
    [Required]
    [Url]
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = DefaultBotFrameworkOpenIdMetadataUrl;

    /// <summary>
    /// Entra ID metadata for the bot's tenant; when null the tenant's v2.0 document on
    /// login.microsoftonline.com is used (see <see cref="GetEntraOpenIdMetadataUrl"/>).
    /// </summary>
    [Url]
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>
    /// App ids besides <see cref="MicrosoftAppId"/> whose Entra ID tokens are accepted (e.g. a skill or agent host that
    /// really calls this bot). Empty by default: Entra gives a token for our app id to any client in the tenant, so
    /// the caller (<c>azp</c>/<c>appid</c>) must be checked, as the Bot Framework SDK does.
    /// </summary>
    public string[] AllowedCallers { get; set; } = [];

    /// <summary>Refuse metadata over plain HTTP. Only tests against a local metadata server turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerance for clock differences when checking a token's lifetime; Microsoft documents 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when no app id is configured: inbound authentication is impossible and the bot runs in development mode.</summary>
    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>
    /// True when Entra ID tokens from the bot's own tenant are accepted besides Bot Framework tokens:
    /// single-tenant and user-assigned managed identity bots live in one tenant; multi-tenant bots do not.
    /// </summary>
    public bool AcceptsEntraTokens =>
        !string.Equals(MicrosoftAppType, BotAppTypes.MultiTenant, StringComparison.Ordinal)
        && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId);

    /// <summary>The Entra metadata URL to use: <see cref="EntraOpenIdMetadataUrl"/>, or the tenant's v2.0 document.</summary>
    public string GetEntraOpenIdMetadataUrl() =>
        string.IsNullOrWhiteSpace(EntraOpenIdMetadataUrl)
            ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}/v2.0/.well-known/openid-configuration"
            : EntraOpenIdMetadataUrl;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsDevelopmentMode)
        {
            yield break;
        }

        bool needsTenant = !string.Equals(MicrosoftAppType, BotAppTypes.MultiTenant, StringComparison.Ordinal);

        // Entra puts the tenant GUID in the issuer; a domain name here would silently reject every token.
        if (needsTenant && !Guid.TryParse(MicrosoftAppTenantId, out _))
        {
            yield return new ValidationResult(
                $"{nameof(MicrosoftAppTenantId)} must be the tenant GUID when {nameof(MicrosoftAppType)} is {MicrosoftAppType}.",
                [nameof(MicrosoftAppTenantId)]);
        }

        foreach (var caller in AllowedCallers)
        {
            if (!Guid.TryParse(caller, out _))
            {
                yield return new ValidationResult(
                    $"{nameof(AllowedCallers)} must hold app ids (GUIDs).", [nameof(AllowedCallers)]);
            }
        }

        if (RequireHttpsMetadata)
        {
            if (!IsHttps(BotFrameworkOpenIdMetadataUrl))
            {
                yield return new ValidationResult(
                    $"{nameof(BotFrameworkOpenIdMetadataUrl)} must use https.", [nameof(BotFrameworkOpenIdMetadataUrl)]);
            }

            if (EntraOpenIdMetadataUrl is not null && !IsHttps(EntraOpenIdMetadataUrl))
            {
                yield return new ValidationResult(
                    $"{nameof(EntraOpenIdMetadataUrl)} must use https.", [nameof(EntraOpenIdMetadataUrl)]);
            }
        }
    }

    /// <summary>True when an Entra token from <paramref name="callerAppId"/> may call the bot.</summary>
    public bool IsAllowedCaller(string? callerAppId) =>
        !string.IsNullOrWhiteSpace(callerAppId)
        && (string.Equals(callerAppId, MicrosoftAppId, StringComparison.OrdinalIgnoreCase)
            || AllowedCallers.Any(c => string.Equals(c, callerAppId, StringComparison.OrdinalIgnoreCase)));

    private static bool IsHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttps;
}
