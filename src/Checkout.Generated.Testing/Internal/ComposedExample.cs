using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing;

/// <summary>One example instance of a schema: a media-type example from the spec, or one composed from its schemas.</summary>
internal sealed class ComposedExample
{
    internal ComposedExample(string name, JToken value, bool fromMediaType, IReadOnlyCollection<string> subtypes, IReadOnlyCollection<string> subtypeAlternatives)
    {
        Name = name;
        Value = value;
        FromMediaType = fromMediaType;
        Subtypes = subtypes;
        SubtypeAlternatives = subtypeAlternatives;
    }

    /// <summary>The example's name: the spec's example key, or the discriminator subtypes it was composed with.</summary>
    public string Name { get; }

    /// <summary>The example instance (a fresh copy per call to the composer).</summary>
    public JToken Value { get; }

    /// <summary>True when the example is the spec's own media-type example rather than a composed one.</summary>
    public bool FromMediaType { get; }

    /// <summary>The discriminator subtypes this instance uses, as <c>Base:value</c> (e.g. <c>PaymentRequestSource:card</c>).</summary>
    public IReadOnlyCollection<string> Subtypes { get; }

    /// <summary>Every discriminator subtype the composer met while composing (chosen or not), as <c>Base:value</c>.</summary>
    public IReadOnlyCollection<string> SubtypeAlternatives { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
