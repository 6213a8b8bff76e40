using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace VpWijzer.Auth;

/// <summary>
/// Validates inbound Bot Framework channel tokens, and for single-tenant bots Entra ID tokens from the
/// bot's tenant, following "Authenticate requests with the Bot Connector API": Bearer scheme, issuer,
/// audience = our app id, lifetime with clock skew, an RS256/384/512 signature by a key from the
/// issuer's cached OpenID metadata, the key's channel endorsements and the <c>serviceurl</c> claim.
/// </summary>
/// <remarks>
/// Metadata is fetched through one <see cref="ConfigurationManager{T}"/> per metadata URL, which caches
/// it and refreshes it periodically. When a token names a key the cache does not know, the metadata is
/// reloaded once (at most every few minutes) and the token validated again, so key rotation works.
/// </remarks>
public sealed class JwtInboundTokenValidator : IInboundTokenValidator
{
    private static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256,
        SecurityAlgorithms.RsaSha384,
        SecurityAlgorithms.RsaSha512,
    ];

    private readonly BotAuthOptions _options;
    private readonly ILogger<JwtInboundTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly Authority? _botFramework;
    private readonly Authority? _entra;

    /// <summary>Creates the validator; no network traffic happens until the first token arrives.</summary>
    /// <param name="options">Bot identity and metadata settings.</param>
    /// <param name="metadataClient">
    /// Client for fetching OpenID metadata and keys, e.g. the <c>openid-metadata</c> client from
    /// <see cref="IHttpClientFactory"/>. The validator keeps it for its lifetime and does not dispose it.
    /// </param>
    /// <param name="logger">Receives failure reasons only.</param>
    public JwtInboundTokenValidator(
        IOptions<BotAuthOptions> options,
        HttpClient metadataClient,
        ILogger<JwtInboundTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metadataClient);
        ArgumentNullException.ThrowIfNull(logger);

        _options = options.Value;
        _logger = logger;

        if (_options.IsDevelopmentMode)
        {
            return;
        }

        var retriever = new HttpDocumentRetriever(metadataClient) { RequireHttps = _options.RequireHttpsMetadata };

        _botFramework = new Authority(
            InboundTokenKind.BotFramework,
            new OpenIdMetadataSource(_options.BotFrameworkOpenIdMetadataUrl, retriever, TimeProvider.System),
            [AuthConstants.BotFrameworkIssuer]);

        if (_options.AcceptsEntraTokens)
        {
            string tenant = _options.MicrosoftAppTenantId!;
            _entra = new Authority(
                InboundTokenKind.Entra,
                new OpenIdMetadataSource(_options.GetEntraOpenIdMetadataUrl(), retriever, TimeProvider.System),
                [AuthConstants.EntraV2Issuer(tenant), AuthConstants.EntraV1Issuer(tenant)]);
        }
    }

    /// <inheritdoc />
    public async Task<InboundAuthResult> ValidateAsync(
        string? authorizationHeader,
        string? activityServiceUrl,
        string? activityChannelId,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();

        InboundAuthResult result;
        try
        {
            result = await ValidateCoreAsync(authorizationHeader, activityServiceUrl, activityChannelId, ct)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A bad token must never surface as an exception (and a 500) to the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
            result = InboundAuthResult.Failed(InboundAuthFailure.ValidationError);
        }

        if (!result.IsAuthenticated)
        {
            Log.TokenRejected(_logger, result.Failure);
        }

        return result;
    }

    private async Task<InboundAuthResult> ValidateCoreAsync(
        string? authorizationHeader,
        string? activityServiceUrl,
        string? activityChannelId,
        CancellationToken ct)
    {
        if (_botFramework is null)
        {
            return InboundAuthResult.Failed(InboundAuthFailure.NotConfigured);
        }

        if (!TryReadBearerToken(authorizationHeader, out string token, out InboundAuthFailure headerFailure))
        {
            return InboundAuthResult.Failed(headerFailure);
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return InboundAuthResult.Failed(InboundAuthFailure.MalformedToken);
        }

        if (jwt.IsEncrypted)
        {
            return InboundAuthResult.Failed(InboundAuthFailure.MalformedToken);
        }

        // The library enforces both rules as well, but reports them as a generic signature failure;
        // checking first also keeps such tokens from causing any metadata traffic.
        if (string.IsNullOrEmpty(jwt.EncodedSignature) || string.Equals(jwt.Alg, SecurityAlgorithms.None, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Failed(InboundAuthFailure.SignatureInvalid);
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return InboundAuthResult.Failed(InboundAuthFailure.AlgorithmNotAllowed);
        }

        // The unvalidated issuer only picks which metadata and rules to apply; that authority then
        // validates the issuer again together with the signature.
        Authority? authority = SelectAuthority(jwt.Issuer);
        if (authority is null)
        {
            return InboundAuthResult.Failed(InboundAuthFailure.IssuerInvalid);
        }

        return await ValidateWithAuthorityAsync(jwt, authority, activityServiceUrl, activityChannelId, ct)
            .ConfigureAwait(false);
    }

    private async Task<InboundAuthResult> ValidateWithAuthorityAsync(
        JsonWebToken jwt,
        Authority authority,
        string? activityServiceUrl,
        string? activityChannelId,
        CancellationToken ct)
    {
        OpenIdConnectConfiguration? configuration = await GetConfigurationAsync(authority, ct).ConfigureAwait(false);
        if (configuration is null)
        {
            return InboundAuthResult.Failed(InboundAuthFailure.MetadataUnavailable);
        }

        TokenValidationResult validation = await ValidateSignedTokenAsync(jwt, authority, configuration).ConfigureAwait(false);

        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: reload the metadata once (throttled) and validate again if that brought new keys.
            Log.SigningKeyRefresh(_logger, authority.Kind);
            await authority.Metadata.ForceRefreshAsync(ct).ConfigureAwait(false);
            OpenIdConnectConfiguration? refreshed = await GetConfigurationAsync(authority, ct).ConfigureAwait(false);
            if (refreshed is not null && !ReferenceEquals(refreshed, configuration))
            {
                configuration = refreshed;
                validation = await ValidateSignedTokenAsync(jwt, authority, configuration).ConfigureAwait(false);
            }
        }

        if (!validation.IsValid)
        {
            return InboundAuthResult.Failed(MapFailure(validation.Exception));
        }

        if (authority.Kind == InboundTokenKind.BotFramework
            && !IsEndorsed(configuration, validation.SecurityToken, activityChannelId))
        {
            return InboundAuthResult.Failed(InboundAuthFailure.EndorsementMissing);
        }

        ClaimsIdentity identity = validation.ClaimsIdentity;

        // Entra issues a token for our app id to any client in the tenant that asks (client credentials), so the
        // caller must be us or one we named; the Bot Framework SDK refuses others the same way ("Invalid AppId").
        if (authority.Kind == InboundTokenKind.Entra && !_options.IsAllowedCaller(EntraCaller(identity, jwt.Issuer)))
        {
            return InboundAuthResult.Failed(InboundAuthFailure.CallerNotAllowed);
        }

        // Bot Framework tokens must carry the claim; Entra tokens are checked when they do.
        string? serviceUrlClaim = FindClaim(identity, AuthConstants.ServiceUrlClaim);
        bool serviceUrlRequired = authority.Kind == InboundTokenKind.BotFramework;
        if ((serviceUrlRequired || serviceUrlClaim is not null) && !ServiceUrlsMatch(serviceUrlClaim, activityServiceUrl))
        {
            return InboundAuthResult.Failed(InboundAuthFailure.ServiceUrlMismatch);
        }

        return InboundAuthResult.Success(identity);
    }

    private Task<TokenValidationResult> ValidateSignedTokenAsync(
        JsonWebToken jwt,
        Authority authority,
        OpenIdConnectConfiguration configuration) =>
        _handler.ValidateTokenAsync(jwt, CreateParameters(authority, configuration));

    private static async Task<OpenIdConnectConfiguration?> GetConfigurationAsync(Authority authority, CancellationToken ct)
    {
        try
        {
            return await authority.Metadata.GetConfigurationAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any fetch or parse failure means the same thing to us: no keys to check with.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private TokenValidationParameters CreateParameters(Authority authority, OpenIdConnectConfiguration configuration) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = authority.ValidIssuers,
        ValidateAudience = true,
        ValidAudience = _options.MicrosoftAppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = _options.ClockSkew,
        RequireSignedTokens = true,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKeys = configuration.SigningKeys,

        // Only the key the token names may verify it; the endorsements belong to that key.
        TryAllIssuerSigningKeys = false,
        SaveSigninToken = false,
    };

    private Authority? SelectAuthority(string? issuer)
    {
        if (string.Equals(issuer, AuthConstants.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return _botFramework;
        }

        if (_entra is not null && _entra.ValidIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return _entra;
        }

        return null;
    }

    private static bool TryReadBearerToken(string? header, out string token, out InboundAuthFailure failure)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(header))
        {
            failure = InboundAuthFailure.MissingHeader;
            return false;
        }

        ReadOnlySpan<char> value = header.AsSpan().Trim();
        int space = value.IndexOf(' ');
        ReadOnlySpan<char> scheme = space < 0 ? value : value[..space];

        // RFC 9110: the auth scheme is case-insensitive.
        if (!scheme.Equals(AuthConstants.BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            failure = InboundAuthFailure.UnsupportedScheme;
            return false;
        }

        ReadOnlySpan<char> credentials = space < 0 ? [] : value[(space + 1)..].Trim();
        if (credentials.IsEmpty)
        {
            failure = InboundAuthFailure.MalformedToken;
            return false;
        }

        token = credentials.ToString();
        failure = InboundAuthFailure.None;
        return true;
    }

    private static bool IsEndorsed(
        OpenIdConnectConfiguration configuration,
        SecurityToken? token,
        string? channelId)
    {
        string? keyId = token?.SigningKey?.KeyId;
        foreach (JsonWebKey key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (!string.Equals(key.Kid, keyId, StringComparison.Ordinal)
                || !key.AdditionalData.TryGetValue(AuthConstants.EndorsementsMember, out object? endorsements))
            {
                continue;
            }

            // A key that lists endorsements speaks only for those channels (Bot Connector docs, "endorsements").
            if (string.IsNullOrEmpty(channelId) || !ReadStrings(endorsements).Contains(channelId, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> ReadStrings(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!),
        IEnumerable<string> strings => strings,
        IEnumerable<object> objects => objects.OfType<string>(),
        _ => [],
    };

    private static string? FindClaim(ClaimsIdentity identity, string type) =>
        identity.Claims.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase))?.Value;

    // v2.0 tokens name the caller in azp, v1.0 tokens (issuer sts.windows.net) in appid; never accept the other claim.
    private string? EntraCaller(ClaimsIdentity identity, string issuer) =>
        string.Equals(issuer, AuthConstants.EntraV1Issuer(_options.MicrosoftAppTenantId!), StringComparison.Ordinal)
            ? FindClaim(identity, AuthConstants.AppIdClaim)
            : FindClaim(identity, AuthConstants.AuthorizedPartyClaim);

    private static bool ServiceUrlsMatch(string? claim, string? activityServiceUrl) =>
        !string.IsNullOrEmpty(claim)
        && !string.IsNullOrEmpty(activityServiceUrl)
        && string.Equals(TrimTrailingSlash(claim), TrimTrailingSlash(activityServiceUrl), StringComparison.OrdinalIgnoreCase);

    private static string TrimTrailingSlash(string url) => url.EndsWith('/') ? url[..^1] : url;

    private static InboundAuthFailure MapFailure(Exception? exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => InboundAuthFailure.SigningKeyNotFound,
        SecurityTokenInvalidAlgorithmException => InboundAuthFailure.AlgorithmNotAllowed,
        SecurityTokenInvalidSignatureException => InboundAuthFailure.SignatureInvalid,
        SecurityTokenInvalidIssuerException => InboundAuthFailure.IssuerInvalid,
        SecurityTokenInvalidAudienceException => InboundAuthFailure.AudienceInvalid,
        SecurityTokenExpiredException => InboundAuthFailure.Expired,
        SecurityTokenNotYetValidException => InboundAuthFailure.NotYetValid,
        SecurityTokenNoExpirationException => InboundAuthFailure.ExpirationMissing,
        SecurityTokenInvalidLifetimeException => InboundAuthFailure.MalformedToken,
        SecurityTokenMalformedException => InboundAuthFailure.MalformedToken,
        _ => InboundAuthFailure.ValidationError,
    };

    private sealed record Authority(
        InboundTokenKind Kind,
        OpenIdMetadataSource Metadata,
        string[] ValidIssuers);
}
