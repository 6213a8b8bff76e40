using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace VpWijzer.Auth;

/// <summary>The outcome of validating one inbound request's token.</summary>
public sealed record InboundAuthResult
{
    private InboundAuthResult(bool isAuthenticated, ClaimsIdentity? identity, InboundAuthFailure failure)
    {
        IsAuthenticated = isAuthenticated;
        Identity = identity;
        Failure = failure;
    }

    /// <summary>True when the token passed every check; <see cref="Identity"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Identity))]
    public bool IsAuthenticated { get; }

    /// <summary>The validated token's claims. Contains identifiers: never log or store it.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>Why the token was rejected, or <see cref="InboundAuthFailure.None"/>.</summary>
    public InboundAuthFailure Failure { get; }

    /// <summary>A successful result for a validated identity.</summary>
    public static InboundAuthResult Success(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new InboundAuthResult(true, identity, InboundAuthFailure.None);
    }

    /// <summary>A rejection for the given reason.</summary>
    public static InboundAuthResult Failed(InboundAuthFailure failure)
    {
        if (failure == InboundAuthFailure.None)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), failure, "A failed result needs a reason.");
        }

        return new InboundAuthResult(false, null, failure);
    }
}
