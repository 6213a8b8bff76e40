using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VpWijzer.Chat;
using VpWijzer.Hosting;

namespace VpWijzer.Tests.Security;

/// <summary>Whose budget a request spends: what an attacker would try with X-Forwarded-For and IPv6.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3, 198.51.100.7")]
    [InlineData("garbage")]
    public void Resolve_ForwardedForWithoutKnownProxies_TheConnectionAddress(string forwarded)
    {
        var clients = Clients();

        var address = clients.Resolve(Request("203.0.113.9", forwarded));

        Assert.Equal(IPAddress.Parse("203.0.113.9"), address);
    }

    [Fact]
    public void Resolve_SpoofedForwardedForFromAnUnknownProxy_Ignored()
    {
        var clients = Clients("10.0.0.0/8");

        var address = clients.Resolve(Request("203.0.113.9", "198.51.100.1"));

        Assert.Equal(IPAddress.Parse("203.0.113.9"), address);
    }

    [Fact]
    public void Resolve_KnownProxy_TheHopItSaw_NotWhatTheClientWroteBeforeIt()
    {
        var clients = Clients("10.0.0.0/8", "192.0.2.10");

        var oneHop = clients.Resolve(Request("10.0.0.4", "203.0.113.9"));
        var spoofedInFront = clients.Resolve(Request("10.0.0.4", "1.2.3.4, 203.0.113.9"));
        var twoProxies = clients.Resolve(Request("10.0.0.4", "6.6.6.6, 203.0.113.9, 192.0.2.10"));
        var twoHeaders = clients.Resolve(Request("10.0.0.4", "6.6.6.6", "203.0.113.9"));

        Assert.Equal(IPAddress.Parse("203.0.113.9"), oneHop);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), spoofedInFront);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), twoProxies);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), twoHeaders);
    }

    [Theory]
    [InlineData("203.0.113.9:51234", "203.0.113.9")]
    [InlineData("[2001:db8::9]:443", "2001:db8::9")]
    [InlineData("2001:db8::9", "2001:db8::9")]
    [InlineData(" 203.0.113.9 ", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    public void Resolve_KnownProxyWithPortsOrMappedAddresses_TheAddress(string forwarded, string expected)
    {
        var clients = Clients("10.0.0.4");

        var address = clients.Resolve(Request("10.0.0.4", forwarded));

        Assert.Equal(IPAddress.Parse(expected), address);
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("")]
    [InlineData("203.0.113.9, unknown")]
    public void Resolve_KnownProxyWithGarbage_TheProxyItself(string forwarded)
    {
        var clients = Clients("10.0.0.4");

        var address = clients.Resolve(Request("10.0.0.4", forwarded));

        Assert.Equal(IPAddress.Parse("10.0.0.4"), address);
    }

    [Fact]
    public void Resolve_ThousandHopsOfKnownProxies_StopsEarly()
    {
        var clients = Clients("10.0.0.0/8");

        var address = clients.Resolve(Request("10.0.0.4", string.Join(", ", Enumerable.Repeat("10.9.9.9", 1000))));

        Assert.Equal(IPAddress.Parse("10.9.9.9"), address);
    }

    [Fact]
    public void PartitionKey_Ipv6InOneSlash64_OneKey_OtherSlash64_Another()
    {
        var clients = Clients();

        var a = clients.PartitionKey(Request("2001:db8:1:2::a"));
        var b = clients.PartitionKey(Request("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        var scoped = clients.PartitionKey(Request("2001:db8:1:2::b%3"));
        var other = clients.PartitionKey(Request("2001:db8:1:3::a"));

        Assert.Equal(a, b);
        Assert.Equal(a, scoped);
        Assert.NotEqual(a, other);
        Assert.Equal("2001:db8:1:2::/64", a);
    }

    [Fact]
    public void PartitionKey_Ipv4AndItsMappedForm_OneKey()
    {
        var clients = Clients();

        var plain = clients.PartitionKey(Request("203.0.113.9"));
        var mapped = clients.PartitionKey(Request("::ffff:203.0.113.9"));

        Assert.Equal(plain, mapped);
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.0.0.4", true)]
    [InlineData("fd00::/64", true)]
    [InlineData("10.0.0.4/8", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("*", false)]
    [InlineData("", false)]
    public void TryParseNetwork_AddressesAndNetworksOnly(string value, bool valid)
    {
        Assert.Equal(valid, ClientAddresses.TryParseNetwork(value, out _));
    }

    private static ClientAddresses Clients(params string[] proxies) => new(Options.Create(new ChatOptions { KnownProxies = proxies }));

    private static DefaultHttpContext Request(string remote, params string[] forwardedFor)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor.Length > 0)
        {
            http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return http;
    }
}
