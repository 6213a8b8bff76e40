using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace VpWijzer.Auth;

/// <summary>
/// The cached OpenID metadata (issuer document and signing keys) of one authority, with a way to
/// reload it at once when a token names a key the cache does not know yet.
/// </summary>
/// <remarks>
/// Caching and the periodic refresh are left to <see cref="ConfigurationManager{T}"/>. Its
/// <see cref="ConfigurationManager{T}.RequestRefresh"/> is not enough for key rotation: since
/// Microsoft.IdentityModel 8 it refreshes on a background thread (unless a process-wide AppContext
/// switch, read once on first use, says otherwise), so a retry right after it still sees the old
/// keys. A forced refresh therefore loads the document into a new manager and swaps it in once that
/// succeeded; a failed reload keeps the old keys.
/// </remarks>
internal sealed class OpenIdMetadataSource
{
    /// <summary>
    /// At most one forced reload per interval (the library's default RefreshInterval), so tokens
    /// naming made-up keys cannot make us hammer the metadata endpoint.
    /// </summary>
    public static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly string _metadataUrl;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private Task? _forcedRefresh;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public OpenIdMetadataSource(string metadataUrl, IDocumentRetriever retriever, TimeProvider time)
    {
        _metadataUrl = metadataUrl;
        _retriever = retriever;
        _time = time;
        _manager = CreateManager();
    }

    /// <summary>The cached metadata; the first call (or one after a failed first load) fetches it.</summary>
    /// <exception cref="InvalidOperationException">The metadata has never been loaded and cannot be fetched now.</exception>
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken ct) =>
        Volatile.Read(ref _manager).GetConfigurationAsync(ct);

    /// <summary>
    /// Reloads the metadata unless that happened less than <see cref="MinimumForcedRefreshInterval"/>
    /// ago; concurrent callers share one reload. Completes when the reload is done (or was skipped).
    /// </summary>
    public Task ForceRefreshAsync(CancellationToken ct)
    {
        Task refresh;
        lock (_gate)
        {
            if (_forcedRefresh is { IsCompleted: false })
            {
                refresh = _forcedRefresh;
            }
            else if (_time.GetUtcNow() - _lastForcedRefresh < MinimumForcedRefreshInterval)
            {
                return Task.CompletedTask;
            }
            else
            {
                _lastForcedRefresh = _time.GetUtcNow();
                refresh = _forcedRefresh = ReloadAsync();
            }
        }

        return refresh.WaitAsync(ct);
    }

    private async Task ReloadAsync()
    {
        ConfigurationManager<OpenIdConnectConfiguration> replacement = CreateManager();
        try
        {
            // Shared by every waiting request, so one caller's cancellation must not end it.
            await replacement.GetConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Stale keys are better than none: keep the current manager.
            return;
        }

        Volatile.Write(ref _manager, replacement);
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager() =>
        new(_metadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever);
}
