using Checkout.Generated.Models;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Codegen.Rules;
using Checkout.Generated.Codegen.Shaping;
using Checkout.Generated.Tests.Contract;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Client;

/// <summary>The whole generated client surface, by reflection: parameter types, names and order, and what every method returns.</summary>
[Category("Codegen")]
public class ClientSurfaceTests
{
    /// <summary>Parameters typed <c>object</c> because the spec gives them no schema at all (docs/codegen.md lists them): none today.</summary>
    private static readonly HashSet<string> FreeForm = new(StringComparer.Ordinal);

    private static readonly List<(CheckoutOperation Operation, MethodInfo Method)> Methods = CheckoutOperationCatalog.All
        .Select(o => (o, OperationCall.MethodOf(o.Id)!))
        .ToList();

    [Test]
    public void ClientMethods_Parameters_AreNeverObjectOutsideTheFreeFormList()
    {
        var untyped = Methods.SelectMany(m => m.Method.GetParameters().Where(p => p.ParameterType == typeof(object)).Select(p => $"{m.Operation.Id}({p.Name})"))
            .Where(p => !FreeForm.Contains(p));
        Assert.That(untyped, Is.Empty);
    }

    [Test]
    public void ClientMethods_Parameters_AreCamelCase()
    {
        var bad = Methods.SelectMany(m => m.Method.GetParameters().Where(p => p.Name!.Contains('_') || !char.IsLower(p.Name[0])).Select(p => $"{m.Operation.Id}({p.Name})"));
        Assert.That(bad, Is.Empty);
    }

    [Test]
    public void ClientMethods_ParameterOrder_IsPathThenRequiredThenOptionalThenOptionsThenCancellation()
    {
        Assert.Multiple(() =>
        {
            foreach (var (operation, method) in Methods)
            {
                var parameters = method.GetParameters();
                var path = OpenApiPathVariables(operation.PathTemplate).Select(ParameterNameRule.Camel).ToList();
                Assert.That(parameters.Take(path.Count).Select(p => p.Name), Is.EqualTo(path), $"{operation.Id}: path parameters first, in path order");
                Assert.That(parameters[^1].ParameterType, Is.EqualTo(typeof(CancellationToken)), $"{operation.Id}: cancellation token last");
                Assert.That(parameters[^2].ParameterType, Is.EqualTo(typeof(CheckoutRequestOptions)), $"{operation.Id}: per-call options before it");
                var rest = parameters[..^2];
                var firstOptional = Array.FindIndex(rest, p => p.HasDefaultValue);
                Assert.That(firstOptional < 0 || rest.Skip(firstOptional).All(p => p.HasDefaultValue), Is.True, $"{operation.Id}: required before optional");
            }
        });
    }

    [Test]
    public void ClientMethods_Results_AreNeverObjectAndAlwaysCarryTheMetadata()
    {
        Assert.Multiple(() =>
        {
            foreach (var (operation, method) in Methods)
            {
                Assert.That(method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>), Is.True, $"{operation.Id} returns a Task<T>");
                var result = method.ReturnType.GetGenericArguments()[0];
                Assert.That(result, Is.Not.EqualTo(typeof(object)), operation.Id);
                var carries = result == typeof(CheckoutResponse) || result.GetProperty(nameof(CheckoutResponse))?.PropertyType == typeof(CheckoutResponse);
                Assert.That(carries, Is.True, $"{operation.Id}: {result.Name} reaches its CheckoutResponse");
            }
        });
    }

    [Test]
    public void ClientMethods_OneOfBodies_AreTypedPerAlternative()
    {
        var unions = 0;
        Assert.Multiple(() =>
        {
            foreach (var (operation, method) in Methods)
            {
                var schema = ContractCases.Composer.ResolveSchema(ContractCases.Composer.RequestSchema(operation.Id));
                if (schema?["x-checkout-union"] is null) continue;
                unions++;
                var body = method.GetParameters().Single(p => p.Name == "body");
                var alternatives = ((JArray)schema["x-checkout-one-of"]!).Count;
                var conversions = body.ParameterType.GetMethods(BindingFlags.Public | BindingFlags.Static).Count(m => m.Name == "op_Implicit");
                Assert.That(conversions, Is.EqualTo(alternatives), $"{operation.Id}: one implicit conversion per alternative into {body.ParameterType.Name}");
                Assert.That(body.HasDefaultValue, Is.False, $"{operation.Id}: the union body is required");
            }
        });
        if (unions == 0) Assert.Ignore("this spec release has no oneOf request body");
    }

    [Test]
    public void RequestPayment_Body_AcceptsEachDocumentedAlternativeAndNothingElse()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST" && o.PathTemplate == "/payments");
        if (operation is null) Assert.Ignore("this spec release has no POST /payments");
        var body = OperationCall.MethodOf(operation!.Id)!.GetParameters().Single(p => p.Name == "body").ParameterType;
        var accepted = body.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == "op_Implicit").Select(m => m.GetParameters()[0].ParameterType.Name);
        // The alternatives the raw spec documents for the body (a oneOf of references), by their component names.
        var file = typeof(ClientSurfaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CheckoutOpenApiSpec").Value!;
        var raw = JObject.Parse(System.IO.File.ReadAllText(file));
        var documented = raw.SelectTokens("$.paths['/payments'].post.requestBody.content.*.schema.oneOf[*].$ref").Select(r => ((string)r!).Split('/').Last()).Distinct().ToList();
        if (documented.Count == 0) Assert.Ignore("this spec release documents one body shape for POST /payments");
        Assert.That(accepted, Is.EquivalentTo(documented));
        Assert.That(body.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "op_Implicit" && m.GetParameters()[0].ParameterType == typeof(CaptureRequest)), Is.False);
    }

    [Test]
    public void MultipartFileFields_TakeACheckoutFile()
    {
        var fields = 0;
        Assert.Multiple(() =>
        {
            foreach (var (operation, method) in Methods)
            {
                var schema = ContractCases.Composer.ResolveSchema(ContractCases.Composer.RequestSchema(operation.Id));
                if (ContractCases.Composer.RequestMediaType(operation.Id)?.StartsWith("multipart/", StringComparison.Ordinal) != true || schema?["properties"] is not JObject properties) continue;
                foreach (var field in properties.Properties().Where(p => (bool?)p.Value["x-checkout-file"] == true))
                {
                    fields++;
                    var parameter = method.GetParameters().SingleOrDefault(p => p.Name == ParameterNameRule.Camel(field.Name));
                    Assert.That(parameter?.ParameterType, Is.EqualTo(typeof(CheckoutFile)), $"{operation.Id}: field {field.Name}");
                }
            }
        });
        if (fields == 0) Assert.Ignore("this spec release has no multipart file field");
    }

    private static IEnumerable<string> OpenApiPathVariables(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"\{([^}/]+)\}").Select(m => m.Groups[1].Value);
}
