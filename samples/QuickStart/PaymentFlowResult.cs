namespace Checkout.Generated.QuickStart;

/// <summary>What the flow ended with.</summary>
public sealed record PaymentFlowResult(string PaymentId, string Status, int ActionCount);
