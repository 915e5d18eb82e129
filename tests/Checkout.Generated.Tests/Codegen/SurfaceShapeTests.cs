using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Checkout.Generated.Tests.Contract;
using Checkout.Generated.Tests.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>
/// The shape of the whole built surface, by reflection (issue 17, points 4 to 6): no long optional lists, required
/// request properties are C# <c>required</c>, <c>object</c> only where the spec gives no schema.
/// </summary>
[Category("Codegen")]
public class SurfaceShapeTests
{
    private static readonly Type[] PublicTypes = typeof(CheckoutOperation).Assembly.GetExportedTypes();

    private static JObject Schemas => (JObject)ContractCases.Composer.Document["components"]!["schemas"]!;

    private static bool IsRequiredMember(PropertyInfo property) =>
        property.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute");

    [Test]
    public void PublicMethods_TakeAtMostSixOptionalPositionalParameters()
    {
        var methods = PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Concat<MethodBase>(t.GetConstructors()))
            .Select(m => (Method: m, Optional: m.GetParameters().Count(p => p.IsOptional && p.ParameterType != typeof(CancellationToken) && p.ParameterType != typeof(CheckoutRequestOptions))))
            .ToList();

        Assert.That(methods.Max(m => m.Optional), Is.GreaterThan(0), "optional parameters were counted");
        Assert.That(methods.Where(m => m.Optional > 6).Select(m => $"{m.Method.DeclaringType!.Name}.{m.Method.Name} ({m.Optional})"), Is.Empty);
    }

    [Test]
    public void QueryClasses_AreTakenByTheListMethodAndItsEnumerator()
    {
        var queries = PublicTypes.Where(OperationCall.IsQueryClass).ToList();
        if (queries.Count == 0) Assert.Ignore("no operation of this spec release has more than six optional parameters");
        var users = PublicTypes.Where(t => t.IsInterface).SelectMany(t => t.GetMethods())
            .Where(m => m.GetParameters().Any(p => queries.Contains(p.ParameterType))).ToList();

        Assert.Multiple(() =>
        {
            foreach (var query in queries)
            {
                var taking = users.Where(m => m.GetParameters().Any(p => p.ParameterType == query)).ToList();
                Assert.That(taking.Any(m => m.GetCustomAttribute<CheckoutOperationAttribute>() is not null), Is.True, $"{query.Name}: an operation takes it");
                Assert.That(taking.SelectMany(m => m.GetParameters()).Where(p => p.ParameterType == query).All(p => p.IsOptional), Is.True, $"{query.Name} is optional");
                Assert.That(query.GetProperties().All(p => Nullable.GetUnderlyingType(p.PropertyType) is not null || !p.PropertyType.IsValueType), Is.True, $"{query.Name}: every member can be left unset");
            }
        });
    }

    [Test]
    public void RequestModels_PropertiesTheSpecRequires_AreRequiredMembers()
    {
        var responseSide = GeneratedModels.ReachableFromResults.ToHashSet();
        var checkedCount = 0;
        var missing = new List<string>();
        foreach (var model in GeneratedModels.All.Where(t => !responseSide.Contains(t)))
        {
            if (Schemas[model.Name] is not JObject schema || schema["required"] is not JArray required) continue;
            var discriminators = Discriminators(model);
            foreach (var (property, json) in GeneratedModels.JsonProperties(model).Where(p => p.Property.DeclaringType == model))
            {
                if (!required.Any(r => (string?)r == json.PropertyName) || discriminators.Contains(json.PropertyName!)) continue;
                checkedCount++;
                if (!IsRequiredMember(property)) missing.Add($"{model.Name}.{property.Name}");
            }
        }
        if (checkedCount == 0) Assert.Ignore("this spec release has no request-only schema with required properties");

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void ResponseModels_HaveNoRequiredMembers()
    {
        var required = GeneratedModels.ReachableFromResults.SelectMany(t => t.GetProperties()).Where(IsRequiredMember).Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.That(GeneratedModels.ReachableFromResults, Is.Not.Empty);
        Assert.That(required, Is.Empty);
    }

    [Test]
    public void ModelProperties_AreObjectOnlyWhereTheSpecGivesNoSchema()
    {
        var typed = new List<string>();
        var untyped = 0;
        foreach (var model in GeneratedModels.All)
        {
            foreach (var (property, json) in GeneratedModels.JsonProperties(model).Where(p => p.Property.DeclaringType == model))
            {
                if (!HoldsObject(property.PropertyType)) continue;
                untyped++;
                var schema = Schemas[model.Name]?["properties"]?[json.PropertyName!] as JObject;
                if (schema is null || !GivesNoSchema(schema)) typed.Add($"{model.Name}.{property.Name}: {schema?.ToString(Formatting.None)}");
            }
        }
        if (untyped == 0) Assert.Ignore("no model property of this spec release is typed object");

        Assert.That(typed, Is.Empty);
    }

    /// <summary><c>object</c>, or a list or map of it (the JSON any-value).</summary>
    private static bool HoldsObject(Type type) =>
        type == typeof(object) || (type.IsGenericType && type.GetGenericArguments().Last() == typeof(object) && type.Namespace == "System.Collections.Generic");

    /// <summary>A schema that says nothing of its value's shape: no type (or a bare <c>object</c>), no reference, properties, choice or enum; for a list, its items.</summary>
    private static bool GivesNoSchema(JObject schema, int depth = 0)
    {
        if (schema["$ref"] is not null && depth < 8) return ContractCases.Composer.ResolveSchema(schema) is { } target && GivesNoSchema(target, depth + 1);
        if ((string?)schema["type"] == "array") return schema["items"] is not JObject items || GivesNoSchema(items, depth + 1);
        if ((string?)schema["type"] == "object" && schema["additionalProperties"] is JObject values) return GivesNoSchema(values, depth + 1);
        var type = (string?)schema["type"];
        return (type is null or "object") && schema["$ref"] is null && schema["properties"] is not JObject { HasValues: true }
            && schema["oneOf"] is null && schema["anyOf"] is null && schema["allOf"] is null && schema["enum"] is null && schema["additionalProperties"] is not JObject { HasValues: true };
    }

    private static HashSet<string> Discriminators(Type model)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (GeneratedModels.DiscriminatorOf(model) is { } own) names.Add(own);
        return names;
    }
}
