namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>One parameter of an operation.</summary>
internal sealed record ParameterShape(string Name, string In, bool Required, string Schema)
{
    public string Key => $"{In}:{Name}";
}
