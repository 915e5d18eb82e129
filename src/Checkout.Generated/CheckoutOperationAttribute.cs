using System;

namespace Checkout.Generated;

/// <summary>Marks a generated client method with the id of the operation it calls.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class CheckoutOperationAttribute : Attribute
{
    /// <summary>Marks a method as calling <paramref name="operationId"/>.</summary>
    public CheckoutOperationAttribute(string operationId) => OperationId = operationId;

    /// <summary>The operation id in the catalog.</summary>
    public string OperationId { get; }
}
