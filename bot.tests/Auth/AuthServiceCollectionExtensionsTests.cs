using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VpWijzer.Auth;
using static VpWijzer.Tests.Auth.TestTokenFactory;

namespace VpWijzer.Tests.Auth;

public sealed class AuthServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddBotAuthentication_ConfiguredFromSection_ValidatorAcceptsToken()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        await using ServiceProvider services = BuildServices(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppTenantId"] = TenantId,
            ["Bot:BotFrameworkOpenIdMetadataUrl"] = server.MetadataUrl,
            ["Bot:RequireHttpsMetadata"] = "false",
            ["Bot:ClockSkew"] = "00:02:00",
        });
        IInboundTokenValidator validator = services.GetRequiredService<IInboundTokenValidator>();

        InboundAuthResult result = await validator.ValidateAsync(Bearer(Create(key)), ServiceUrl, "msteams", CancellationToken.None);

        Assert.True(result.IsAuthenticated);
        Assert.Equal(TimeSpan.FromMinutes(2), services.GetRequiredService<IOptions<BotAuthOptions>>().Value.ClockSkew);
        Assert.Same(validator, services.GetRequiredService<IInboundTokenValidator>());
    }

    [Fact]
    public async Task AddBotAuthentication_SingleTenantWithoutTenant_FailsAtStartup()
    {
        using IHost host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = AppId }))
            .ConfigureServices(s => s.AddBotAuthentication())
            .Build();

        Task Act() => host.StartAsync();

        await Assert.ThrowsAsync<OptionsValidationException>(Act);
    }

    [Fact]
    public async Task AddBotAuthentication_NoConfiguration_DevelopmentModeRejectsTokens()
    {
        await using ServiceProvider services = BuildServices([]);
        IInboundTokenValidator validator = services.GetRequiredService<IInboundTokenValidator>();

        InboundAuthResult result = await validator.ValidateAsync("Bearer x.y.z", ServiceUrl, "msteams", CancellationToken.None);

        Assert.True(services.GetRequiredService<IOptions<BotAuthOptions>>().Value.IsDevelopmentMode);
        Assert.Equal(InboundAuthFailure.NotConfigured, result.Failure);
    }

    private static ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddBotAuthentication();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
