using System;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>A cached access token and when to stop using it.</summary>
/// <remarks>Holds a bearer token: no ToString, never logged.</remarks>
internal sealed class AccessToken
{
    public AccessToken(string value, DateTimeOffset refreshAt)
    {
        Header = new AuthenticationHeaderValue("Bearer", value);
        RefreshAt = refreshAt;
        Completed = Task.FromResult(this);
    }

    /// <summary>This token as a completed task: what every cache hit returns, so a hit allocates nothing.</summary>
    public Task<AccessToken> Completed { get; }

    /// <summary>The Authorization header carrying the token.</summary>
    public AuthenticationHeaderValue Header { get; }

    /// <summary>The moment (expiry minus the refresh margin) from which a new token is requested.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"AccessToken (refresh at {RefreshAt:O})";
}
