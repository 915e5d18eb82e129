using System;
using System.CodeDom.Compiler;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Checkout.Generated.Tests.Models;

/// <summary>The generated model types, found by reflection over the client assembly.</summary>
internal static class GeneratedModels
{
    public static Assembly Assembly { get; } = typeof(CheckoutJson).Assembly;

    /// <summary>Every class NJsonSchema generated for a schema (not its converters and attributes).</summary>
    public static IReadOnlyList<Type> All { get; } = Assembly.GetTypes().Where(IsModel).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>The models a client method can return, with everything they can hold (properties, items, subtypes).</summary>
    public static IReadOnlyList<Type> ReachableFromResults { get; } = Closure(
        Assembly.GetTypes().Where(t => t.IsPublic && t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NSwag")
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => m.ReturnType));

    /// <summary>The properties read from and written to JSON (<see cref="JsonPropertyAttribute"/>), own and inherited.</summary>
    public static IEnumerable<(PropertyInfo Property, JsonPropertyAttribute Json)> JsonProperties(Type model) =>
        model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyAttribute>()!))
            .Where(p => p.Item2 is not null);

    /// <summary>The JSON name of the discriminator a model is read by (from its base's converter), or null.</summary>
    public static string? DiscriminatorOf(Type model)
    {
        for (var t = model; t is not null; t = t.BaseType)
        {
            var converter = t.GetCustomAttribute<JsonConverterAttribute>(inherit: false);
            if (converter?.ConverterParameters is [string name]) return name;
        }
        return null;
    }

    private static bool IsModel(Type t) =>
        t.IsClass && t.IsPublic && t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema"
        && !typeof(JsonConverter).IsAssignableFrom(t) && !typeof(Attribute).IsAssignableFrom(t);

    private static List<Type> Closure(IEnumerable<Type> roots)
    {
        var models = new HashSet<Type>(All);
        var reached = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.IsArray) { pending.Push(type.GetElementType()!); continue; }
            if (type.IsGenericType) foreach (var argument in type.GetGenericArguments()) pending.Push(argument);
            if (type == typeof(Task) || type.Assembly != Assembly || !reached.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) pending.Push(property.PropertyType);
            if (type.BaseType is { } baseType) pending.Push(baseType);
            foreach (var subtype in Subtypes(type)) pending.Push(subtype);
        }
        return reached.Where(models.Contains).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The subtypes a discriminated model can be read as (its <c>[JsonInheritance]</c> attributes).</summary>
    public static IEnumerable<Type> Subtypes(Type model) =>
        model.GetCustomAttributes(inherit: true).Where(a => a.GetType().Name == "JsonInheritanceAttribute")
            .Select(a => (Type)a.GetType().GetProperty("Type")!.GetValue(a)!);

    /// <summary>Whether the model is a JSON object with named properties (not a generated collection or dictionary).</summary>
    public static bool IsObject(Type model) => !typeof(IEnumerable).IsAssignableFrom(model);
}
