using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VpWijzer.Tests.Auth;

/// <summary>Builds inbound tokens for tests: well-formed, tampered, unsigned.</summary>
public static class TestTokenFactory
{
    /// <summary>The Bot Framework channel token issuer.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The app id tests configure as ours.</summary>
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    /// <summary>The tenant tests configure as ours.</summary>
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    /// <summary>A Teams-like service URL.</summary>
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    /// <summary>The Entra v2.0 issuer for <see cref="TenantId"/>.</summary>
    public static string EntraV2Issuer(string tenantId = TenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    /// <summary>The Entra v1.0 issuer for <see cref="TenantId"/>.</summary>
    public static string EntraV1Issuer(string tenantId = TenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>
    /// A signed token. Lifetime defaults to "valid from 5 minutes ago for an hour"; a null
    /// <paramref name="serviceUrl"/> leaves the <c>serviceurl</c> claim out.
    /// </summary>
    public static string Create(
        TestSigningKey key,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        IReadOnlyDictionary<string, object>? claims = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        SecurityTokenDescriptor descriptor = Describe(issuer, audience, serviceUrl, notBefore, expires);
        foreach (var (name, value) in claims ?? new Dictionary<string, object>())
        {
            descriptor.Claims[name] = value;
        }

        descriptor.SigningCredentials = key.CreateSigningCredentials(algorithm);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>
    /// An Entra ID access token as the client <paramref name="callerAppId"/> would get it with client credentials:
    /// v2.0 names the caller in <c>azp</c>, v1.0 (issuer sts.windows.net) in <c>appid</c>.
    /// </summary>
    public static string CreateEntra(TestSigningKey key, string callerAppId, bool v1 = false, string? serviceUrl = null) =>
        Create(
            key,
            issuer: v1 ? EntraV1Issuer() : EntraV2Issuer(),
            serviceUrl: serviceUrl,
            claims: new Dictionary<string, object>
            {
                [v1 ? "appid" : "azp"] = callerAppId,
                ["ver"] = v1 ? "1.0" : "2.0",
                ["tid"] = TenantId,
            });

    /// <summary>A signed Bot Framework token with no <c>exp</c> claim.</summary>
    public static string CreateWithoutExpiry(TestSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        SecurityTokenDescriptor descriptor = Describe(BotFrameworkIssuer, AppId, ServiceUrl, null, null);
        descriptor.Expires = null;
        descriptor.SigningCredentials = key.CreateSigningCredentials();
        string token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        if (new JsonWebToken(token).TryGetPayloadValue("exp", out object _))
        {
            throw new InvalidOperationException("Expected a token without exp.");
        }

        return token;
    }

    /// <summary>An unsigned token: header <c>{"alg":"none"}</c> and an empty signature.</summary>
    public static string CreateUnsigned(
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl)
    {
        string token = new JsonWebTokenHandler().CreateToken(Describe(issuer, audience, serviceUrl, null, null));
        if (!token.EndsWith('.') || !new JsonWebToken(token).Alg.Equals("none", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Expected an alg:none token.");
        }

        return token;
    }

    /// <summary>
    /// Changes one payload claim of a signed token and keeps the original header and signature,
    /// as an attacker editing a captured token would.
    /// </summary>
    public static string TamperPayload(string token, string claim, string value)
    {
        ArgumentNullException.ThrowIfNull(token);
        string[] parts = token.Split('.');
        JsonObject payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }

    /// <summary>The <c>Authorization</c> header value for a token.</summary>
    public static string Bearer(string token) => $"Bearer {token}";

    private static SecurityTokenDescriptor Describe(
        string issuer,
        string audience,
        string? serviceUrl,
        DateTimeOffset? notBefore,
        DateTimeOffset? expires)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset nbf = notBefore ?? now.AddMinutes(-5);
        DateTimeOffset exp = expires ?? nbf.AddHours(1);
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = nbf.UtcDateTime,
            IssuedAt = nbf.UtcDateTime,
            Expires = exp.UtcDateTime,
            Claims = claims,
        };
    }
}
