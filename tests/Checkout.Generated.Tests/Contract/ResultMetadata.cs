using System.Reflection;
using Checkout.Generated.Codegen.Repair;
using Checkout.Generated.Codegen.Rules;

namespace Checkout.Generated.Tests.Contract;

/// <summary>Reads any generated result the way a caller does: its <c>CheckoutResponse</c>, and the body of one status.</summary>
internal static class ResultMetadata
{
    /// <summary>The metadata of a result: itself for a bodiless success, else its <c>CheckoutResponse</c> property.</summary>
    public static CheckoutResponse? Of(object result) =>
        result as CheckoutResponse ?? result.GetType().GetProperty(nameof(CheckoutResponse), BindingFlags.Public | BindingFlags.Instance)?.GetValue(result) as CheckoutResponse;

    /// <summary>The typed body of <paramref name="status"/>: a multi-status result's property for it (a generated result is built from its CheckoutResponse), else the result itself.</summary>
    public static object? Body(object result, int status)
    {
        var name = ResultShapeRule.StatusName(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var property = result.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        var multiStatus = result.GetType().GetConstructor([typeof(CheckoutResponse)]) is not null;
        return multiStatus && property is not null ? property.GetValue(result) : result;
    }
}
