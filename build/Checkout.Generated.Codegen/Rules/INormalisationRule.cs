namespace Checkout.Generated.Codegen.Rules;

/// <summary>Repairs one class of defect wherever it occurs in the document.</summary>
internal interface INormalisationRule
{
    /// <summary>The defect class, as printed in the build log.</summary>
    string Name { get; }

    void Apply(NormalisationContext context);
}
