using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace VpWijzer.Tests.Auth;

/// <summary>
/// Which locally generated RSA key pair a <see cref="TestSigningKey"/> uses. Generating a 2048-bit
/// pair takes around 100 ms, so each is generated once per test run; tests that need keys with
/// different material (a stranger, a rotated key) say so by picking different pairs.
/// </summary>
public enum TestKeyPair
{
    /// <summary>The default pair.</summary>
    First,

    /// <summary>A second, different pair.</summary>
    Second,

    /// <summary>A third, different pair.</summary>
    Third,
}

/// <summary>An RSA signing key with its own key id: signs test tokens and appears (public part only) in a test JWKS.</summary>
public sealed class TestSigningKey
{
    private static readonly Lazy<RSAParameters>[] Pairs =
    [
        new(GeneratePair),
        new(GeneratePair),
        new(GeneratePair),
    ];

    private readonly RSAParameters _publicPart;

    /// <summary>Creates a key from <paramref name="pair"/> with the given key id (random when null).</summary>
    public TestSigningKey(string? keyId = null, IReadOnlyList<string>? endorsements = null, TestKeyPair pair = TestKeyPair.First)
    {
        // From parameters rather than an RSA instance: Microsoft.IdentityModel caches signature providers
        // per key material and owns the RSA objects it creates for them.
        RSAParameters parameters = Pairs[(int)pair].Value;
        _publicPart = new RSAParameters { Modulus = parameters.Modulus, Exponent = parameters.Exponent };
        KeyId = keyId ?? Guid.NewGuid().ToString("N");
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(parameters) { KeyId = KeyId };
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
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(_publicPart.Modulus),
            ["e"] = Base64UrlEncoder.Encode(_publicPart.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }

    private static RSAParameters GeneratePair()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(includePrivateParameters: true);
    }
}
