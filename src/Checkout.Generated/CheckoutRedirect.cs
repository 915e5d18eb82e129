using System;

namespace Checkout.Generated;

/// <summary>The answer of an operation documented as a redirect (3xx with <c>Location</c>), e.g. a report file download.</summary>
/// <remarks>With an HTTP handler that follows redirects (the default), <see cref="File"/> holds the followed answer: dispose this result.</remarks>
public sealed class CheckoutRedirect : IDisposable
{
    /// <summary>Creates the result (generated clients call this; tests of your own code may too).</summary>
    public CheckoutRedirect(Uri? location, CheckoutFile? file, CheckoutResponse response)
    {
        Location = location;
        File = file;
        CheckoutResponse = response ?? throw new ArgumentNullException(nameof(response));
    }

    /// <summary>Where the resource is: the <c>Location</c> header, or the address the followed redirect ended at.</summary>
    public Uri? Location { get; }

    /// <summary>The followed redirect's body, when the HTTP handler followed it; null when the 3xx itself came back.</summary>
    public CheckoutFile? File { get; }

    /// <summary>The response metadata (the 3xx, or the followed answer).</summary>
    public CheckoutResponse CheckoutResponse { get; }

    /// <summary>Disposes <see cref="File"/>, if any.</summary>
    public void Dispose() => File?.Dispose();
}
