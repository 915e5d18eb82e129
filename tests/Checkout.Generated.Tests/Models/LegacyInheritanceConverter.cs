using System;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Tests.Models;

/// <summary>
/// The test oracle: the JObject-based converter the generated models used before the direct one (the algorithm of
/// <c>build/templates/JsonInheritanceConverter.liquid</c> until the JSON-cost change, kept verbatim apart from names),
/// and settings that put it in place of the generated converter on every discriminated type.
/// </summary>
internal sealed class LegacyInheritanceConverter : JsonConverter
{
    [ThreadStatic]
    private static bool _isReading;

    [ThreadStatic]
    private static bool _isWriting;

    private readonly string _discriminatorName;

    private LegacyInheritanceConverter(string discriminatorName) => _discriminatorName = discriminatorName;

    /// <summary>The clients' settings (<see cref="CheckoutJson.Configure"/>) with the old converter on every discriminated type.</summary>
    public static JsonSerializerSettings Settings { get; } = CheckoutJson.Configure(new JsonSerializerSettings { ContractResolver = new Resolver() });

    public override bool CanWrite
    {
        get
        {
            if (!_isWriting) return true;
            _isWriting = false;
            return false;
        }
    }

    public override bool CanRead
    {
        get
        {
            if (!_isReading) return true;
            _isReading = false;
            return false;
        }
    }

    public override bool CanConvert(Type objectType) => true;

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value == null)
        {
            writer.WriteNull();
            return;
        }
        try
        {
            _isWriting = true;
            var jObject = JObject.FromObject(value, serializer);
            var discriminator = GetSubtypeDiscriminator(value.GetType());
            if (discriminator != null)
            {
                jObject.Remove(_discriminatorName);
                jObject.AddFirst(new JProperty(_discriminatorName, discriminator));
            }
            writer.WriteToken(jObject.CreateReader());
        }
        finally
        {
            _isWriting = false;
        }
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var jObject = serializer.Deserialize<JObject>(reader);
        if (jObject == null) return null;
        var discriminatorValue = jObject.GetValue(_discriminatorName);
        var discriminator = discriminatorValue != null && discriminatorValue.Type == JTokenType.String ? discriminatorValue.Value<string>() : null;
        var subtype = GetObjectSubtype(objectType, discriminator);
        if (subtype == null)
        {
            subtype = objectType;
        }
        else
        {
            var objectContract = serializer.ContractResolver.ResolveContract(subtype) as JsonObjectContract;
            if (objectContract == null || objectContract.Properties.All(p => p.PropertyName != _discriminatorName)) jObject.Remove(_discriminatorName);
        }
        try
        {
            _isReading = true;
            return serializer.Deserialize(jObject.CreateReader(), subtype);
        }
        finally
        {
            _isReading = false;
        }
    }

    private static Type? GetObjectSubtype(Type objectType, string? discriminator) =>
        objectType.GetCustomAttributes<JsonInheritanceAttribute>(true).FirstOrDefault(a => a.Key == discriminator && objectType.IsAssignableFrom(a.Type))?.Type;

    private static string? GetSubtypeDiscriminator(Type objectType) =>
        objectType.GetCustomAttributes<JsonInheritanceAttribute>(true).FirstOrDefault(a => a.Type == objectType)?.Key;

    private sealed class Resolver : DefaultContractResolver
    {
        protected override JsonContract CreateContract(Type objectType)
        {
            var contract = base.CreateContract(objectType);
            if (contract.Converter is JsonInheritanceConverter generated) contract.Converter = new LegacyInheritanceConverter(generated.DiscriminatorName);
            return contract;
        }

        // Value types are not the converter's concern: written as their string, as the clients' resolver does.
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.Converter is null && Checkout.Generated.Internal.ValueTypeProperty.For(member) is { } value)
            {
                property.PropertyType = typeof(string);
                property.ValueProvider = value;
            }
            return property;
        }
    }
}
