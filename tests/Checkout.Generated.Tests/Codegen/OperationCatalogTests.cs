using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>The generated catalog against the raw spec the build used, read here independently of the normaliser.</summary>
[Category("Codegen")]
public class OperationCatalogTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private sealed record Expected(string Method, string Path, string Host, string[]? Ids, string[] Schemes, string[] Scopes);

    private static List<Expected> FromRawSpec()
    {
        var file = typeof(OperationCatalogTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CheckoutOpenApiSpec").Value!;
        var spec = JObject.Parse(System.IO.File.ReadAllText(file));
        var schemes = (JObject)spec["components"]!["securitySchemes"]!;
        var ids = ((JObject)spec["paths"]!).Properties().SelectMany(p => Methods.Select(m => p.Value[m]?["operationId"]?.Value<string>())).OfType<string>().ToList();
        // An operation declaring no security, in a document without a default, gets the requirements most operations
        // declare, OAuth without scopes (MissingSecurityRule); the OAuth token operation itself stays without.
        var usual = ((JObject)spec["paths"]!).Properties().SelectMany(p => Methods.Select(m => p.Value[m]?["security"])).OfType<JArray>()
            .Where(s => s.Count > 0).GroupBy(s => s.ToString(Newtonsoft.Json.Formatting.None)).OrderByDescending(g => g.Count()).First().First();
        var tokenUrls = schemes.Properties().SelectMany(s => s.Value["flows"]?.Children<JProperty>().Select(f => f.Value["tokenUrl"]?.Value<string>()) ?? []).OfType<string>().ToList();
        var expected = new List<Expected>();
        foreach (var path in ((JObject)spec["paths"]!).Properties())
        {
            foreach (var method in Methods)
            {
                if (path.Value[method] is not JObject op) continue;
                var raw = (op["servers"] ?? path.Value["servers"] ?? spec["servers"])![0]!["url"]!.Value<string>()!;
                var url = new Uri(raw.Replace("{", "").Replace("}", ""));
                var slash = raw.IndexOf('/', raw.IndexOf("://", StringComparison.Ordinal) + 3);
                var serverPath = slash < 0 ? "" : raw[slash..];
                var labels = url.Host.Split('.').Where(l => l != "sandbox").ToList();
                var host = labels[labels.IndexOf("checkout") - 1];
                if (host == "prefix") host = "api";
                var fullPath = serverPath.TrimEnd('/') + (path.Name == "/" ? "" : path.Name);
                var undeclared = op["security"] is null && spec["security"] is null && !tokenUrls.Any(u => Uri.IsWellFormedUriString(u, UriKind.Absolute) ? u.EndsWith(fullPath, StringComparison.Ordinal) : fullPath.EndsWith("/token", StringComparison.Ordinal));
                var security = (undeclared ? Unscoped(usual, schemes) : op["security"] ?? spec["security"] ?? new JArray()).OfType<JObject>().SelectMany(r => r.Properties()).ToList();
                var id = op["operationId"]?.Value<string>();
                expected.Add(new Expected(method.ToUpperInvariant(), fullPath, host,
                    // The spec's id, cleaned of articles and artefacts (OperationNameRule) unless that would collide.
                    id is not null && ids.Count(i => i == id) == 1 ? new[] { Checkout.Generated.Codegen.Shaping.OperationNameRule.Clean(id, op["summary"]?.Value<string>()), Checkout.Generated.Codegen.Shaping.OperationNameRule.Qualify(Checkout.Generated.Codegen.Shaping.OperationNameRule.Clean(id, op["summary"]?.Value<string>()), (op["tags"] as JArray)?.FirstOrDefault()?.Value<string>()), id } : null,
                    security.Select(s => s.Name).Distinct().ToArray(),
                    security.Where(s => schemes[s.Name]?["type"]?.Value<string>() == "oauth2").SelectMany(s => s.Value.Values<string>()).OfType<string>().Distinct().ToArray()));
            }
        }
        return expected;
    }

    private static JArray Unscoped(JArray security, JObject schemes) => new(security.OfType<JObject>().Select(r =>
        new JObject(r.Properties().Select(p => new JProperty(p.Name, schemes[p.Name]?["type"]?.Value<string>() == "oauth2" ? new JArray() : p.Value)))));

    [Test]
    public void Catalog_HasEveryOperationOfTheRawSpec_WithItsHostSchemesAndScopes()
    {
        var expected = FromRawSpec();
        var catalog = CheckoutOperationCatalog.All;
        TestContext.Out.WriteLine($"{expected.Count} operations in the raw spec, {catalog.Count} in the catalog; hosts: " +
                                  string.Join(", ", catalog.GroupBy(o => o.Host).Select(g => $"{g.Key} {g.Count()}")));

        Assert.That(catalog, Has.Count.EqualTo(expected.Count));
        Assert.That(catalog.Select(o => o.Id), Is.Unique);
        foreach (var e in expected)
        {
            var matches = catalog.Where(o => o.Method == e.Method && o.PathTemplate == e.Path && o.Host == e.Host).ToList();
            Assert.That(matches, Has.Count.EqualTo(1), $"{e.Method} {e.Path} on {e.Host}");
            var operation = matches[0];
            Assert.Multiple(() =>
            {
                if (e.Ids is not null) Assert.That(operation.Id, Is.AnyOf(e.Ids), "the spec's id, cleaned");
                Assert.That(operation.SecuritySchemes, Is.EqualTo(e.Schemes), operation.ToString());
                Assert.That(operation.Scopes, Is.EqualTo(e.Scopes), operation.ToString());
                Assert.That(operation.Credentials.HasFlag(CheckoutCredentialKinds.OAuth), Is.EqualTo(e.Scopes.Length > 0 || e.Schemes.Any(s => s == "OAuth")), operation.ToString());
            });
        }
    }
}
