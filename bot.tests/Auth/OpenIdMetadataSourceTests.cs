using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using VpWijzer.Auth;

namespace VpWijzer.Tests.Auth;

public sealed class OpenIdMetadataSourceTests
{
    [Fact]
    public async Task ForceRefreshAsync_WithinInterval_Skipped()
    {
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync("https://issuer.test", new TestSigningKey());
        using var http = new HttpClient();
        var time = new ManualTimeProvider();
        OpenIdMetadataSource source = CreateSource(server, http, time);
        await source.GetConfigurationAsync(CancellationToken.None);
        await source.ForceRefreshAsync(CancellationToken.None);
        time.Advance(OpenIdMetadataSource.MinimumForcedRefreshInterval - TimeSpan.FromSeconds(1));

        await source.ForceRefreshAsync(CancellationToken.None);

        Assert.Equal(2, server.MetadataRequestCount);
    }

    [Fact]
    public async Task ForceRefreshAsync_AfterInterval_ReloadsWithNewKeys()
    {
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync("https://issuer.test", new TestSigningKey());
        using var http = new HttpClient();
        var time = new ManualTimeProvider();
        OpenIdMetadataSource source = CreateSource(server, http, time);
        await source.ForceRefreshAsync(CancellationToken.None);
        var rotated = new TestSigningKey(pair: TestKeyPair.Second);
        server.RotateTo(rotated);
        time.Advance(OpenIdMetadataSource.MinimumForcedRefreshInterval);

        await source.ForceRefreshAsync(CancellationToken.None);
        OpenIdConnectConfiguration configuration = await source.GetConfigurationAsync(CancellationToken.None);

        Assert.Equal(2, server.MetadataRequestCount);
        Assert.Equal([rotated.KeyId], configuration.SigningKeys.Select(k => k.KeyId));
    }

    private static OpenIdMetadataSource CreateSource(LocalOpenIdServer server, HttpClient http, TimeProvider time) =>
        new(server.MetadataUrl, new HttpDocumentRetriever(http) { RequireHttps = false }, time);

    private sealed class ManualTimeProvider : TimeProvider
    {
        private DateTimeOffset _now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
