using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>
/// Where issued tokens are kept beyond this process's own copy, so that other instances of the app can use them: storage
/// only (how a token is requested is <see cref="TokenCache"/>'s business). Keys are scopes of one account.
/// </summary>
/// <remarks>Implementations swallow and log their own failures (a store that is down behaves as an empty one).</remarks>
internal interface ITokenStore
{
    /// <summary>The token stored for <paramref name="scope"/>, or null; the caller checks that it is still fresh.</summary>
    ValueTask<AccessToken?> GetAsync(string scope);

    /// <summary>Stores a token just issued for <paramref name="scope"/> until its refresh moment.</summary>
    ValueTask SetAsync(string scope, AccessToken token);

    /// <summary>
    /// The API answered 401 to <paramref name="rejected"/>: removes it from the store, unless the store already holds another
    /// token for the scope (another instance replaced it), which is returned.
    /// </summary>
    ValueTask<AccessToken?> RejectAsync(string scope, AccessToken rejected);
}
