using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Checkout.Generated.Codegen;
using Checkout.Generated.Tests.Package;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Releases;

/// <summary>A document shaped like Checkout.com's previous platform generates, and the library compiles from it.</summary>
public class PreviousPlatformTests
{
    private static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    [Test]
    [Category("Codegen")]
    public void Normalise_PreviousPlatformDocument_LeavesOneBasePerSchemaAndEachPropertyDefinedOnce()
    {
        var result = Normaliser.Normalise(JObject.Parse(PreviousPlatformDocument.Json));

        Assert.That(result.Errors, Is.Empty);
        var schemas = Schemas(result);
        foreach (var schema in schemas.Properties())
        {
            var bases = (schema.Value["allOf"] as JArray)?.Count(p => p["$ref"] is not null) ?? 0;
            Assert.That(bases, Is.LessThanOrEqualTo(1), schema.Name);
            var own = ((JObject?)schema.Value["properties"])?.Properties().Select(p => p.Name).ToList() ?? [];
            Assert.That(own, Is.Unique, schema.Name);
            var inherited = Chain(schemas, schema.Value).Skip(1).SelectMany(s => ((JObject?)s["properties"])?.Properties().Select(p => p.Name) ?? []).ToList();
            Assert.That(own.Intersect(inherited), Is.Empty, $"{schema.Name} redefines a property of its base");
        }
    }

    [Test]
    [Category("Releases")]
    public async Task Build_PreviousPlatformDocument_GeneratesAndCompilesTheLibraryWithOneBasePerType()
    {
        var work = Path.Combine(Path.GetTempPath(), "checkout-previous-platform-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var context = new AssemblyLoadContext("checkout-previous-platform", isCollectible: true);
        try
        {
            var spec = Path.Combine(work, "previous-platform.json");
            await System.IO.File.WriteAllTextAsync(spec, PreviousPlatformDocument.Json);
            var (exitCode, output) = await DotNetCli.RunAsync(RepositoryFiles.Root, TimeSpan.FromMinutes(6),
                "build", "src/Checkout.Generated/Checkout.Generated.csproj", "-c", "Release", "-f", "net10.0",
                "--artifacts-path", Path.Combine(work, "artifacts"), $"-p:CheckoutOpenApiSpec={spec}", $"-p:CheckoutCodegenDir={Path.Combine(work, "codegen")}/");
            Assert.That(exitCode, Is.EqualTo(0), output);

            var assembly = context.LoadFromAssemblyPath(Directory.GetFiles(Path.Combine(work, "artifacts", "bin"), "Checkout.Generated.dll", SearchOption.AllDirectories).Single());
            Type Model(string name) => assembly.GetExportedTypes().Single(t => t.Name == name);
            string[] Declared(string name) => Model(name).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.Name).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(Model("PaymentRequestCardSource").BaseType, Is.EqualTo(Model("PaymentRequestSource")));
                Assert.That(Declared("PaymentRequestCardSource"), Is.SupersetOf(new[] { "Number", "ExpiryMonth", "ExpiryYear", "Name" }));
                // The discriminated part is the base even when listed second; the others' properties are copied in.
                Assert.That(Model("PaymentResponseCardSource").BaseType, Is.EqualTo(Model("PaymentResponseSource")));
                Assert.That(Declared("PaymentResponseCardSource"), Is.SupersetOf(new[] { "Number", "Name" }));
                Assert.That(Model("PaymentResponse").BaseType, Is.EqualTo(Model("PaymentBase")));
                Assert.That(Declared("PaymentResponse"), Is.SupersetOf(new[] { "Links", "Reference", "Source", "Approved" }).And.No.Member("Id").And.No.Member("Amount"));
                // A string enum of the spec (ISO currency codes) is a value type: its known values, any other string too.
                var declared = Model("PaymentRequest").GetProperty("Currency")!.PropertyType;
                var currency = Nullable.GetUnderlyingType(declared) ?? declared;
                Assert.That(currency.IsValueType && currency.GetProperty("GBP") is not null, Is.True, currency.Name);
                var catalog = assembly.GetExportedTypes().Single(t => t.Name == nameof(CheckoutOperationCatalog));
                Assert.That(((System.Collections.ICollection)catalog.GetProperty("All")!.GetValue(null)!).Count, Is.EqualTo(4));
            });
        }
        finally
        {
            context.Unload();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A schema and the schemas it extends through its single <c>allOf</c> reference, most derived first.</summary>
    private static System.Collections.Generic.IEnumerable<JObject> Chain(JObject schemas, JToken schema)
    {
        for (var current = schema as JObject; current is not null;)
        {
            yield return current;
            var reference = (current["allOf"] as JArray)?.Select(p => p["$ref"]?.Value<string>()).FirstOrDefault(r => r is not null);
            current = reference is null ? null : schemas[reference.Split('/')[^1]] as JObject;
        }
    }
}
