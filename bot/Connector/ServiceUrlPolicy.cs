using System.Net;
using Microsoft.Extensions.Options;

namespace VpWijzer.Connector;

/// <summary>
/// Where the bot may send Bot Connector calls, and so its connector token. An activity's <c>serviceUrl</c> comes from
/// the caller: only hosts on <see cref="ConnectorOptions.AllowedServiceUrlHosts"/> (https) are ever contacted, so a
/// forged activity cannot make the bot hand its token to another server. Development mode, which has no token,
/// only ever talks to loopback.
/// </summary>
public sealed class ServiceUrlPolicy
{
    private readonly bool _developmentMode;
    private readonly string[] _exact;
    private readonly string[] _suffixes;

    public ServiceUrlPolicy(IOptions<ConnectorOptions> options, IOptions<ConnectorAuthOptions> auth)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(auth);
        _developmentMode = string.IsNullOrWhiteSpace(auth.Value.MicrosoftAppId);
        var hosts = options.Value.EffectiveServiceUrlHosts.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0).ToArray();
        _exact = hosts.Where(h => !h.StartsWith("*.", StringComparison.Ordinal)).ToArray();

        // "*.example.com" stands for any subdomain ("a.example.com", "a.b.example.com"), not for example.com itself.
        _suffixes = hosts.Where(h => h.StartsWith("*.", StringComparison.Ordinal)).Select(h => h[1..]).ToArray();
    }

    /// <summary>True when a Bot Connector call (with our token) may go to <paramref name="serviceUrl"/>.</summary>
    public bool IsAllowed(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsAllowed(uri);

    /// <inheritdoc cref="IsAllowed(string?)"/>
    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return false;
        }

        // userinfo ("host@evil") and fragments have no business in a service URL; refusing them removes parser games.
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        var loopback = IsLoopback(uri);
        if (_developmentMode)
        {
            return loopback;
        }

        // Plain http only to this machine (a local stand-in connector); the real Bot Connector is https.
        if (uri.Scheme != Uri.UriSchemeHttps && !loopback)
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return _exact.Contains(host, StringComparer.Ordinal)
            || _suffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal) && host.Length > s.Length);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
