using Microsoft.Extensions.Options;
using VpWijzer.Connector;

namespace VpWijzer.Tests.Connector;

public sealed class ServiceUrlPolicyTests
{
    private static ServiceUrlPolicy Policy(string? appId = "11111111-2222-3333-4444-555555555555", params string[] hosts) =>
        new(Options.Create(new ConnectorOptions { AllowedServiceUrlHosts = hosts }), Options.Create(new ConnectorAuthOptions { MicrosoftAppId = appId }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net./teams/")]
    [InlineData("https://emea.smba.trafficmanager.net/")]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://directline.botframework.com/")]
    public void IsAllowed_PublicCloudBotConnector_True(string url)
    {
        Assert.True(Policy().IsAllowed(url));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://trafficmanager.net/")]
    [InlineData("https://botframework.com/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://smba.trafficmanager.net@evil.example/")]
    [InlineData("https://evil.example/#@smba.trafficmanager.net/")]
    [InlineData("https://evil.example/smba.trafficmanager.net/")]
    [InlineData("https://127.0.0.1:9200/")]
    [InlineData("http://localhost:9200/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void IsAllowed_AnythingElse_False(string? url)
    {
        Assert.False(Policy().IsAllowed(url));
    }

    [Fact]
    public void IsAllowed_ConfiguredHosts_ReplaceTheDefault()
    {
        var policy = Policy(hosts: ["smba.infra.gcc.teams.microsoft.com"]);

        Assert.True(policy.IsAllowed("https://smba.infra.gcc.teams.microsoft.com/gcc/"));
        Assert.False(policy.IsAllowed("https://smba.trafficmanager.net/emea/"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9100/", true)]
    [InlineData("http://[::1]:9100/", true)]
    [InlineData("http://localhost:9100/", true)]
    [InlineData("https://smba.trafficmanager.net/emea/", false)]
    [InlineData("http://localhost:9200@evil.example/", false)]
    public void IsAllowed_DevelopmentMode_OnlyLoopback(string url, bool expected)
    {
        Assert.Equal(expected, Policy(appId: null).IsAllowed(url));
    }

    [Theory]
    [InlineData("*.")]
    [InlineData("*.com")]
    [InlineData("evil example")]
    [InlineData("https://smba.trafficmanager.net/")]
    public void Validate_NotAHostPattern_Error(string host)
    {
        var options = new ConnectorOptions { AllowedServiceUrlHosts = [host] };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.NotEmpty(errors);
    }
}
