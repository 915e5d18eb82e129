using System;
using System.Collections.Generic;
using Checkout.Generated.Internal;
using Newtonsoft.Json;

namespace Checkout.Generated;

/// <summary>
/// The base of the generated models: a model read from Checkout.com and written back says what Checkout.com said. It
/// keeps the fields the model does not declare (<see cref="AdditionalProperties"/>) and the fields sent as an explicit
/// <c>null</c>, which are written back as <c>null</c> while a field that was absent stays absent. Only the generated
/// models derive from it directly; derive from a model to extend one.
/// </summary>
public abstract class CheckoutModel : IExplicitNulls
{
    private IDictionary<string, object>? _additionalProperties;
    private HashSet<string>? _explicitNulls;

    private protected CheckoutModel()
    {
    }

    /// <summary>Fields Checkout.com sent that this model does not declare (newer than the spec): kept, and written back.</summary>
    [JsonIgnore]
    public IDictionary<string, object> AdditionalProperties
    {
        get => _additionalProperties ??= new Dictionary<string, object>();
        set => _additionalProperties = value;
    }

    /// <summary>What Newtonsoft reads and writes the unknown fields through: it creates no dictionary for a model that has none.</summary>
    [JsonExtensionData]
    private IDictionary<string, object>? AdditionalPropertiesAsRead
    {
        get => _additionalProperties;
        set => _additionalProperties = value;
    }

    bool IExplicitNulls.IsExplicitNull(string name) => _explicitNulls is not null && _explicitNulls.Contains(name);

    void IExplicitNulls.SetExplicitNull(string name, bool isNull)
    {
        if (isNull) (_explicitNulls ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        else _explicitNulls?.Remove(name);
    }
}
