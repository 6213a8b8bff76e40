using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace VpWijzer.Tests.Auth;

/// <summary>A locally generated RSA key pair: signs test tokens and appears (public part only) in a test JWKS.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    /// <summary>Generates a fresh 2048-bit key with the given key id (random when null).</summary>
    public TestSigningKey(string? keyId = null, IReadOnlyList<string>? endorsements = null)
    {
        _rsa = RSA.Create(2048);
        KeyId = keyId ?? Guid.NewGuid().ToString("N");
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = KeyId };
    }

    /// <summary>The <c>kid</c> tokens signed with this key carry.</summary>
    public string KeyId { get; }

    /// <summary>The channel ids listed under <c>endorsements</c> in the JWKS, or null for no such member.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>The private key, for signing.</summary>
    public RsaSecurityKey SecurityKey { get; }

    /// <summary>Credentials for <see cref="SecurityTokenDescriptor.SigningCredentials"/>.</summary>
    public SigningCredentials CreateSigningCredentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(SecurityKey, algorithm);

    /// <summary>The public key as a JWKS entry, including Bot Framework's <c>endorsements</c> when set.</summary>
    public Dictionary<string, object> ToJwk()
    {
        RSAParameters p = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();
}
