using System;

namespace Checkout.Generated.QuickStart;

/// <summary>The flow ran but a step did not lead where Checkout documents it should (e.g. the wrong payment status).</summary>
public sealed class PaymentFlowException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PaymentFlowException(string message)
        : base(message)
    {
    }
}
