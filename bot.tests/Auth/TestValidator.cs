using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VpWijzer.Auth;

namespace VpWijzer.Tests.Auth;

/// <summary>Builds a <see cref="JwtInboundTokenValidator"/> wired to local metadata servers.</summary>
public static class TestValidator
{
    /// <summary>Options for a single-tenant bot with <see cref="TestTokenFactory.AppId"/> over plain-HTTP metadata.</summary>
    public static BotAuthOptions Options(LocalOpenIdServer botFramework, LocalOpenIdServer? entra = null)
    {
        ArgumentNullException.ThrowIfNull(botFramework);
        return new BotAuthOptions
        {
            MicrosoftAppId = TestTokenFactory.AppId,
            MicrosoftAppTenantId = TestTokenFactory.TenantId,
            MicrosoftAppType = BotAppTypes.SingleTenant,
            BotFrameworkOpenIdMetadataUrl = botFramework.MetadataUrl,
            EntraOpenIdMetadataUrl = (entra ?? botFramework).MetadataUrl,
            RequireHttpsMetadata = false,
        };
    }

    /// <summary>A validator for <paramref name="options"/>; the caller owns <paramref name="metadataClient"/>.</summary>
    public static JwtInboundTokenValidator Create(BotAuthOptions options, HttpClient metadataClient) =>
        new(Microsoft.Extensions.Options.Options.Create(options), metadataClient, NullLogger<JwtInboundTokenValidator>.Instance);

    /// <summary>A single-tenant validator trusting the given local servers.</summary>
    public static JwtInboundTokenValidator Create(
        HttpClient metadataClient,
        LocalOpenIdServer botFramework,
        LocalOpenIdServer? entra = null) =>
        Create(Options(botFramework, entra), metadataClient);
}
