using System.Collections.Generic;

namespace Checkout.Generated.Testing;

/// <summary>An OAuth client (access key) the local server accepts at its token endpoint.</summary>
public sealed class CheckoutMockClient
{
    /// <summary>The access key id (OAuth client id), e.g. <c>ack_…</c>.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The access key secret (OAuth client secret).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The scopes this client may request; a token request for any other scope fails with <c>invalid_scope</c>.</summary>
    public IList<string> GrantedScopes { get; set; } = new List<string>();
}
