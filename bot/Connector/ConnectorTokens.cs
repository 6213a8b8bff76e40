using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace VpWijzer.Connector;

/// <summary>Settings for outgoing tokens; the same "Bot" section as inbound auth.</summary>
public sealed class ConnectorAuthOptions
{
    public const string Section = "Bot";

    /// <summary>The Bot Framework audience of outgoing tokens.</summary>
    public const string Scope = "https://api.botframework.com/.default";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    [RegularExpression("^(SingleTenant|MultiTenant|UserAssignedMSI)$")]
    public string MicrosoftAppType { get; set; } = "SingleTenant";

    /// <summary>Client secret: from the environment or Key Vault only.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>A PFX/PEM certificate file with private key, instead of a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Overrides the authority (tests).</summary>
    public string? OAuthAuthority { get; set; }
}

/// <summary>Supplies the bearer token for calls to the Bot Connector; null means "send none".</summary>
public interface IConnectorTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken ct);
}

/// <summary>Development mode: the local Playground or stand-in connector needs no token.</summary>
public sealed class NoTokenProvider : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(null);
}

/// <summary>Client credentials with MSAL (secret or certificate); MSAL caches tokens itself.</summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly IConfidentialClientApplication _app;

    public MsalConnectorTokenProvider(IOptions<ConnectorAuthOptions> options)
    {
        var o = options.Value;
        var authority = o.OAuthAuthority ?? (o.MicrosoftAppType == "MultiTenant"
            ? "https://login.microsoftonline.com/botframework.com"
            : $"https://login.microsoftonline.com/{o.MicrosoftAppTenantId}");
        var builder = ConfidentialClientApplicationBuilder.Create(o.MicrosoftAppId).WithAuthority(authority, validateAuthority: o.OAuthAuthority is null);
        builder = string.IsNullOrEmpty(o.CertificatePath)
            ? builder.WithClientSecret(o.MicrosoftAppPassword)
            : builder.WithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath, null));
        _app = builder.Build();
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        var result = await _app.AcquireTokenForClient([ConnectorAuthOptions.Scope]).ExecuteAsync(ct).ConfigureAwait(false);
        return result.AccessToken;
    }
}

/// <summary>A user-assigned managed identity (Azure Bot "UserAssignedMSI"), cached until 5 minutes before expiry.</summary>
public sealed class ManagedIdentityConnectorTokenProvider(IOptions<ConnectorAuthOptions> options, TimeProvider time) : IConnectorTokenProvider, IDisposable
{
    private readonly ManagedIdentityCredential _credential = new(ManagedIdentityId.FromUserAssignedClientId(options.Value.MicrosoftAppId));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        if (_cached.ExpiresOn - time.GetUtcNow() > TimeSpan.FromMinutes(5))
        {
            return _cached.Token;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_cached.ExpiresOn - time.GetUtcNow() <= TimeSpan.FromMinutes(5))
            {
                _cached = await _credential.GetTokenAsync(new TokenRequestContext([ConnectorAuthOptions.Scope]), ct).ConfigureAwait(false);
            }

            return _cached.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>
/// Adds <c>Authorization: Bearer …</c> when the provider returns a token, and only for a host the
/// <see cref="ServiceUrlPolicy"/> allows: the last guard before the token leaves the process.
/// </summary>
internal sealed class ConnectorTokenHandler(IConnectorTokenProvider tokens, ServiceUrlPolicy policy, ILogger<ConnectorTokenHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is null || !policy.IsAllowed(request.RequestUri))
        {
            Log.ServiceUrlRefused(logger);
            throw new ConnectorException("the serviceUrl host is not on Connector:AllowedServiceUrlHosts");
        }

        string? token;
        try
        {
            token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MsalException or AuthenticationFailedException)
        {
            Log.TokenFailed(logger, ex.GetType().Name);
            throw new HttpRequestException("No outgoing token could be obtained.", ex);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
