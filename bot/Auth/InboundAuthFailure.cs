namespace VpWijzer.Auth;

/// <summary>
/// Why an inbound token was rejected. For our own logs and tests only: callers answer every
/// failure with the same 401 so an attacker learns nothing about which check failed.
/// </summary>
public enum InboundAuthFailure
{
    /// <summary>The token was accepted.</summary>
    None = 0,

    /// <summary>No app id is configured (development mode), so no token can be validated.</summary>
    NotConfigured,

    /// <summary>No <c>Authorization</c> header, or an empty one.</summary>
    MissingHeader,

    /// <summary>The header does not use the <c>Bearer</c> scheme.</summary>
    UnsupportedScheme,

    /// <summary>The token is not a well-formed signed JWT (bad encoding, JSON, encrypted token, inconsistent times).</summary>
    MalformedToken,

    /// <summary>The token is unsigned (<c>alg: none</c>) or its signature does not verify.</summary>
    SignatureInvalid,

    /// <summary>The token's signing key is not in the metadata, even after refreshing it.</summary>
    SigningKeyNotFound,

    /// <summary>The token is signed with an algorithm other than RS256, RS384 or RS512.</summary>
    AlgorithmNotAllowed,

    /// <summary>The token's issuer is not one we accept.</summary>
    IssuerInvalid,

    /// <summary>The token's audience is not our app id.</summary>
    AudienceInvalid,

    /// <summary>The token expired (beyond the allowed clock skew).</summary>
    Expired,

    /// <summary>The token is not valid yet (beyond the allowed clock skew).</summary>
    NotYetValid,

    /// <summary>The token has no expiry.</summary>
    ExpirationMissing,

    /// <summary>The token's <c>serviceurl</c> claim is missing or differs from the activity's <c>serviceUrl</c>.</summary>
    ServiceUrlMismatch,

    /// <summary>
    /// An Entra ID token whose caller (<c>azp</c> in v2 tokens, <c>appid</c> in v1 tokens) is neither our own app id
    /// nor in <c>Bot:AllowedCallers</c>: Entra issues a token for our app id to any client in the tenant that asks.
    /// </summary>
    CallerNotAllowed,

    /// <summary>The signing key carries endorsements and the activity's channel is not among them.</summary>
    EndorsementMissing,

    /// <summary>The OpenID metadata or signing keys could not be fetched.</summary>
    MetadataUnavailable,

    /// <summary>Validation failed for a reason not listed above.</summary>
    ValidationError,
}
