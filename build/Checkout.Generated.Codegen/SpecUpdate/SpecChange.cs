namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>One difference between two releases of the spec, and whether it breaks code written against the older one.</summary>
internal sealed record SpecChange(string Subject, string Description, bool Breaking);
