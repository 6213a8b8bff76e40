using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VpWijzer.Tests.Auth;

/// <summary>
/// A stand-in OpenID provider on 127.0.0.1 with a random port: serves
/// <c>/.well-known/openid-configuration</c> and <c>/keys</c> (a JWKS of <see cref="TestSigningKey"/>s),
/// counts requests, and can rotate keys or fail on demand.
/// </summary>
public sealed class LocalOpenIdServer : IAsyncDisposable
{
    /// <summary>The path of the metadata document.</summary>
    public const string MetadataPath = "/.well-known/openid-configuration";

    /// <summary>The path of the key set.</summary>
    public const string KeysPath = "/keys";

    private readonly WebApplication _app;
    private ImmutableList<TestSigningKey> _keys;
    private int _metadataRequests;
    private int _keysRequests;
    private volatile bool _isAvailable = true;

    private LocalOpenIdServer(WebApplication app, string issuer, IEnumerable<TestSigningKey> keys)
    {
        _app = app;
        Issuer = issuer;
        _keys = [.. keys];
    }

    /// <summary>The issuer the metadata document names.</summary>
    public string Issuer { get; }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:54321</c>; set once started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Absolute URL of the metadata document.</summary>
    public string MetadataUrl => new Uri(BaseAddress, MetadataPath).ToString();

    /// <summary>How many times the metadata document was requested.</summary>
    public int MetadataRequestCount => Volatile.Read(ref _metadataRequests);

    /// <summary>How many times the key set was requested.</summary>
    public int KeysRequestCount => Volatile.Read(ref _keysRequests);

    /// <summary>The keys currently published.</summary>
    public IReadOnlyList<TestSigningKey> Keys => Volatile.Read(ref _keys);

    /// <summary>When false, both endpoints answer 503.</summary>
    public bool IsAvailable
    {
        get => _isAvailable;
        set => _isAvailable = value;
    }

    /// <summary>Starts a server that publishes <paramref name="keys"/> under <paramref name="issuer"/>.</summary>
    public static async Task<LocalOpenIdServer> StartAsync(string issuer, params TestSigningKey[] keys)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();

        var server = new LocalOpenIdServer(app, issuer, keys);
        app.MapGet(MetadataPath, server.ServeMetadata);
        app.MapGet(KeysPath, server.ServeKeys);

        await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>Publishes an extra key (both old and new keys are then valid, as during a real rollover).</summary>
    public void AddKey(TestSigningKey key) => ImmutableInterlocked.Update(ref _keys, keys => keys.Add(key));

    /// <summary>Replaces every published key with <paramref name="key"/>.</summary>
    public void RotateTo(TestSigningKey key) => Interlocked.Exchange(ref _keys, [key]);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult ServeMetadata()
    {
        Interlocked.Increment(ref _metadataRequests);
        if (!IsAvailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = new Uri(BaseAddress, KeysPath).ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
    }

    private IResult ServeKeys()
    {
        Interlocked.Increment(ref _keysRequests);
        if (!IsAvailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["keys"] = Keys.Select(k => k.ToJwk()).ToArray(),
        });
    }
}
