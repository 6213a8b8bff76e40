using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using VpWijzer.Chat;

namespace VpWijzer.Hosting;

/// <summary>
/// Who is asking, for the per-IP limits. The connection's own address, unless the connection comes from one of
/// <see cref="ChatOptions.KnownProxies"/>: then the address that proxy put in <c>X-Forwarded-For</c>. Anyone can
/// send that header, so it is read right to left and only as far as the hops are known proxies (security review M2).
/// </summary>
/// <remarks>
/// IPv6 clients are keyed by their /64: one household or office gets a /64 (RFC 6177), and any of its 2^64
/// addresses would otherwise be a fresh budget.
/// </remarks>
public sealed class ClientAddresses
{
    /// <summary>Forwarded hops looked at, at most; a longer header is not worth walking.</summary>
    public const int MaxHops = 8;

    private readonly IPNetwork[] _proxies;

    public ClientAddresses(IOptions<ChatOptions> options)
    {
        _proxies = options.Value.KnownProxies.Select(p => TryParseNetwork(p, out var network) ? network : throw new OptionsValidationException(ChatOptions.Section, typeof(ChatOptions), [$"Chat:KnownProxies: '{p}' is not an address or network"])).ToArray();
    }

    /// <summary>The client's address as far as it can be believed; null when the connection has none.</summary>
    public IPAddress? Resolve(HttpContext http)
    {
        var remote = Normalize(http.Connection.RemoteIpAddress);
        if (remote is null || _proxies.Length == 0 || !IsProxy(remote))
        {
            return remote;
        }

        // Each proxy appends the address it saw, so the rightmost entries are the ones our own proxies wrote.
        var values = http.Request.Headers["X-Forwarded-For"];
        var hops = 0;
        for (var v = values.Count - 1; v >= 0; v--)
        {
            var entries = (values[v] ?? string.Empty).Split(',');
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                if (++hops > MaxHops || !TryParseHop(entries[i], out var hop))
                {
                    return remote;
                }

                remote = hop;
                if (!IsProxy(remote))
                {
                    return remote;
                }
            }
        }

        return remote;
    }

    /// <summary>The partition key for a per-IP limiter: the IPv4 address, or the IPv6 /64.</summary>
    public string PartitionKey(HttpContext http) => Key(Resolve(http));

    internal static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>An address (<c>10.0.0.4</c>, <c>fd00::1</c>) or a network (<c>10.0.0.0/8</c>, <c>fd00::/64</c>).</summary>
    public static bool TryParseNetwork(string? value, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            // "10.0.0.4/8" is refused rather than read as 10.0.0.0/8: it is unclear whether one proxy or a network was meant.
            return IPNetwork.TryParse(value, out network)
                && IPAddress.TryParse(value.AsSpan(0, slash), out var written)
                && network.BaseAddress.Equals(written);
        }

        if (!IPAddress.TryParse(value, out var address))
        {
            return false;
        }

        address = Normalize(address)!;
        network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    private bool IsProxy(IPAddress address)
    {
        foreach (var network in _proxies)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An <c>X-Forwarded-For</c> entry: an address, optionally with a port (<c>203.0.113.7:51234</c>, <c>[2001:db8::7]:443</c>).</summary>
    private static bool TryParseHop(string entry, out IPAddress address)
    {
        address = IPAddress.None;
        var text = entry.Trim();
        if (text.Length is 0 or > 64 || !IPEndPoint.TryParse(text, out var endpoint))
        {
            return false;
        }

        address = Normalize(endpoint.Address)!;
        return true;
    }

    private static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
