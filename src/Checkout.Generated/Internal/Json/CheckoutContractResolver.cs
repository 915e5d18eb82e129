using System;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Internal;

/// <summary>
/// Newtonsoft's contracts, with one change for the optional fields of generated models (<see cref="IExplicitNulls"/>): a
/// field read as an explicit <c>null</c> is remembered and written back as <c>null</c>. A field that was absent, or left null
/// in code, is still not written (the models' <c>NullValueHandling.Ignore</c>). A property typed with a generated value
/// type is read and written as its string (<see cref="ValueTypeProperty"/>).
/// </summary>
internal sealed class CheckoutContractResolver : DefaultContractResolver
{
    public static readonly CheckoutContractResolver Instance = new();

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.Converter is null && ValueTypeProperty.For(member) is { } value)
        {
            property.PropertyType = typeof(string);
            property.ValueProvider = value;
        }
        if (property.DeclaringType is not { } owner || !typeof(IExplicitNulls).IsAssignableFrom(owner)) return property;
        if (property.NullValueHandling != NullValueHandling.Ignore || property.Required != Required.Default) return property;
        if (!property.Readable || !property.Writable || property.Ignored || property.ValueProvider is not { } values || property.PropertyName is not { } name) return property;
        if (property.PropertyType is { IsValueType: true } type && Nullable.GetUnderlyingType(type) is null) return property;

        // A null read is now set (and recorded); a null is written only where one was read.
        property.NullValueHandling = NullValueHandling.Include;
        property.ValueProvider = new RecordingNulls(values, name);
        var shouldSerialize = property.ShouldSerialize;
        property.ShouldSerialize = target => (shouldSerialize is null || shouldSerialize(target))
            && (values.GetValue(target) is not null || ((IExplicitNulls)target).IsExplicitNull(name));
        return property;
    }

    /// <summary>Sets the property and records whether the value read was null.</summary>
    private sealed class RecordingNulls(IValueProvider inner, string name) : IValueProvider
    {
        public object? GetValue(object target) => inner.GetValue(target);

        public void SetValue(object target, object? value)
        {
            inner.SetValue(target, value);
            ((IExplicitNulls)target).SetExplicitNull(name, value is null);
        }
    }
}
