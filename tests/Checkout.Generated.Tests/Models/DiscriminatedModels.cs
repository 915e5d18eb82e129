using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Tests.Models;

/// <summary>The discriminated bases of the generated assembly (found by reflection), their mappings, and sample bodies.</summary>
internal static class DiscriminatedModels
{
    public const string UnknownField = "x_field_newer_than_the_spec";

    private static readonly IContractResolver Contracts = JsonSerializer.Create(CheckoutJson.Configure(new JsonSerializerSettings())).ContractResolver;

    /// <summary>Every class that declares the inheritance converter itself, with its discriminator's JSON name.</summary>
    public static IReadOnlyList<(Type Base, string Discriminator)> Bases { get; } = GeneratedModels.Assembly.GetTypes()
        .Select(t => (Type: t, Converter: t.GetCustomAttribute<JsonConverterAttribute>(inherit: false)))
        .Where(x => x.Converter?.ConverterType == typeof(JsonInheritanceConverter))
        .Select(x => (x.Type, (string)x.Converter!.ConverterParameters!.Single()))
        .OrderBy(x => x.Type.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every (base, value, subtype) a base maps.</summary>
    public static IEnumerable<(Type Base, string Discriminator, string Value, Type Subtype)> Mappings() =>
        Bases.SelectMany(b => b.Base.GetCustomAttributes<JsonInheritanceAttribute>(inherit: false).Select(a => (b.Base, b.Discriminator, a.Key, a.Type)));

    /// <summary>
    /// What a model holds, as JSON written with no discriminator converter at all: every property and every
    /// <c>AdditionalProperties</c> entry as stored (a discriminator kept there shows), and the runtime type of each object.
    /// </summary>
    public static string State(object? model) => JsonConvert.SerializeObject(model, StateSettings);

    private static readonly JsonSerializerSettings StateSettings = CheckoutJson.Configure(new JsonSerializerSettings
    {
        ContractResolver = new StateResolver(),
        TypeNameHandling = TypeNameHandling.Objects,
    });

    /// <summary>Every discriminator name used by some base.</summary>
    public static ISet<string> DiscriminatorNames { get; } = Bases.Select(b => b.Discriminator).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether values of <paramref name="type"/> are read through the inheritance converter.</summary>
    public static bool IsDiscriminated(Type type) => type.GetCustomAttribute<JsonConverterAttribute>(inherit: true)?.ConverterType == typeof(JsonInheritanceConverter);

    /// <summary>
    /// A body of <paramref name="type"/>: its discriminator first (when given), a sample of every property (nested
    /// models to a small depth, a discriminated property as its first mapped subtype), and an unknown field.
    /// </summary>
    public static JObject Sample(Type type, string? discriminator, string? value, int depth = 0)
    {
        var body = new JObject();
        if (discriminator is not null) body[discriminator] = value;
        var contract = (JsonObjectContract)Contracts.ResolveContract(type);
        foreach (var property in contract.Properties.Where(p => !p.Ignored && p.Writable && p.PropertyName != discriminator))
        {
            if (SampleOf(property.PropertyType!, depth) is { } sample) body[property.PropertyName!] = sample;
        }
        body[UnknownField] = new JObject { ["at"] = "2023-06-15T07:03:01.9998684", ["rate"] = 10.50m, ["list"] = new JArray(true, JValue.CreateNull()) };
        return body;
    }

    /// <summary>The body with every discriminator property moved to the end of its object, at every depth (the fallback path).</summary>
    public static JObject DiscriminatorsLast(JObject body)
    {
        var copy = (JObject)body.DeepClone();
        foreach (var item in copy.DescendantsAndSelf().OfType<JObject>().ToList())
        {
            foreach (var property in item.Properties().Where(p => DiscriminatorNames.Contains(p.Name)).ToList())
            {
                property.Remove();
                item.Add(property);
            }
        }
        return copy;
    }

    private static JToken? SampleOf(Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "text";
        if (t == typeof(int) || t == typeof(long)) return 7;
        if (t == typeof(decimal)) return 10.50m;
        if (t == typeof(double) || t == typeof(float)) return 1.5;
        if (t == typeof(bool)) return true;
        if (t == typeof(DateTimeOffset)) return "2023-06-15T07:03:01Z";
        if (t == typeof(TimeSpan)) return "01:02:03";
        if (t == typeof(Guid)) return "a2e0d6a4-3a4d-4d4e-9c62-0d3f1d1e2a6b";
        if (t == typeof(object)) return new JObject { ["k"] = "v" };
        if (depth >= 3) return null;
        if (t.IsGenericType && IsDictionary(t) && t.GetGenericArguments() is [var key, var value] && key == typeof(string))
            return SampleOf(value, depth + 1) is { } entry ? new JObject { ["k"] = entry } : null;
        if (t.IsGenericType && t.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
            return SampleOf(item, depth + 1) is { } element ? new JArray(element) : null;
        if (t.Assembly != GeneratedModels.Assembly || !t.IsClass || Contracts.ResolveContract(t) is not JsonObjectContract) return null;
        if (IsDiscriminated(t))
        {
            var discriminator = DiscriminatorNameOf(t);
            var mapping = t.GetCustomAttributes<JsonInheritanceAttribute>(inherit: true).FirstOrDefault(a => t.IsAssignableFrom(a.Type));
            if (mapping is not null) return Sample(mapping.Type, discriminator, mapping.Key, depth + 1);
        }
        return Sample(t, null, null, depth + 1);
    }

    private sealed class StateResolver : DefaultContractResolver
    {
        protected override JsonContract CreateContract(Type objectType)
        {
            var contract = base.CreateContract(objectType);
            if (contract.Converter is JsonInheritanceConverter) contract.Converter = null;
            return contract;
        }
    }

    private static bool IsDictionary(Type t) => t.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>));

    /// <summary>The discriminator name of a discriminated type (declared on it or on a base).</summary>
    public static string DiscriminatorNameOf(Type type) =>
        (string)type.GetCustomAttribute<JsonConverterAttribute>(inherit: true)!.ConverterParameters!.Single();
}
