namespace Checkout.Generated;

/// <summary>The names to subscribe to for the client's traces and metrics (OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>).</summary>
/// <remarks>Nothing is recorded, and nothing is allocated for it, while no listener subscribes. No tag carries a key, token, card number, CVV or idempotency key.</remarks>
public static class CheckoutDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/>: one span per operation call, with child spans for token requests and retries.</summary>
    public const string ActivitySourceName = "Checkout.Generated";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/>: request duration, token requests and retries.</summary>
    public const string MeterName = "Checkout.Generated";
}
