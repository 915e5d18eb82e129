using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Package;

[Category("Package")]
public class PackageConsumptionTests
{
    [Test]
    public async Task ConsumerProject_ReferencingThePackagesByVersion_PaysThroughDiWithOAuthAgainstTheLocalServer()
    {
        var feed = await PackedPackages.FeedAsync();
        var consumer = Path.Combine(PackedPackages.WorkDirectory, "consumer");
        var packages = Path.Combine(PackedPackages.WorkDirectory, "packages");
        Directory.CreateDirectory(consumer);
        var version = RepositoryFiles.VersionPrefix();
        // The temporary feed is added to the machine's own sources (inherited from the user's NuGet.Config);
        // an empty packages folder means the packages really come from the feed, never from a stale cache.
        await System.IO.File.WriteAllTextAsync(Path.Combine(consumer, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{packages}" /></config>
              <packageSources><add key="checkout-generated-test-feed" value="{feed}" /></packageSources>
            </configuration>
            """);
        await System.IO.File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Checkout.Generated" Version="{version}" />
                <PackageReference Include="Checkout.Generated.Testing" Version="{version}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="8.0.1" />
              </ItemGroup>
            </Project>
            """);
        await System.IO.File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """"
            using System.Reflection;
            using Checkout.Generated;
            using Checkout.Generated.Models;
            using Checkout.Generated.Testing;
            using Microsoft.Extensions.DependencyInjection;

            var library = typeof(CheckoutOperationCatalog).Assembly;
            Console.WriteLine("location=" + library.Location);
            Console.WriteLine("informational=" + library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
            Console.WriteLine("spec=" + CheckoutOperationCatalog.Spec.Sha256);
            Console.WriteLine("operations=" + CheckoutOperationCatalog.All.Count);

            // The documented way in: DI with an OAuth access key, here the local server's default client.
            await using var server = await CheckoutMockServer.StartAsync();
            var services = new ServiceCollection();
            services.AddCheckoutClient(options => server.Configure(options));
            await using var provider = services.BuildServiceProvider();
            var checkout = provider.GetRequiredService<ICheckoutClient>();
            // From JSON, as an application often has it: the discriminator picks the card source type.
            var request = Newtonsoft.Json.JsonConvert.DeserializeObject<PaymentRequest>($$"""
                { "source": { "type": "card", "number": "4242424242424242", "expiry_month": 12, "expiry_year": {{DateTime.UtcNow.Year + 2}}, "cvv": "100" },
                  "amount": 1000, "currency": "GBP", "reference": "package-consumer" }
                """)!;
            var result = await checkout.Payments.RequestPaymentOrPayoutAsync(request, new CheckoutRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") });
            var created = result.Created ?? throw new InvalidOperationException("pending: HTTP " + result.StatusCode);
            var details = await checkout.Payments.GetPaymentDetailsAsync(created.Id!);
            Console.WriteLine("payment-request-id=" + (result.CheckoutResponse.RequestId is { Length: > 0 }));
            Console.WriteLine("payment-id-matches=" + (details.Id == created.Id));
            Console.WriteLine("payment-amount=" + details.Amount);
            // System.IO.File beside the models in one file, under ImplicitUsings: no name clash (Models.File was one).
            var receipt = Path.Combine(Path.GetTempPath(), "receipt-" + Guid.NewGuid().ToString("N") + ".txt");
            File.WriteAllText(receipt, $"{details.Id} {details.Status}");
            Console.WriteLine("file-round-trip=" + (File.ReadAllText(receipt) == $"{created.Id} Authorized"));
            File.Delete(receipt);
            // A status is a value type: compared with a known value's string, never a bare string property.
            Console.WriteLine("status-is-value-type=" + (details.Status is { } status && status.GetType().IsValueType && status == "Authorized"));
            Console.WriteLine("token-requests=" + server.RequestCounts.Where(c => CheckoutOperationCatalog.Find(c.Key)?.Host == "access").Sum(c => c.Value));
            Console.WriteLine("payment-requests=" + server.RequestCounts.Where(c => CheckoutOperationCatalog.Find(c.Key)?.Host == "api").Sum(c => c.Value));
            """");

        var output = await DotNetCli.RunCheckedAsync(consumer, TimeSpan.FromMinutes(3), "run", "-c", "Release");

        var values = DotNetCli.Lines(output).Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
        var spec = CheckoutOperationCatalog.Spec;
        Assert.Multiple(() =>
        {
            Assert.That(System.IO.File.ReadAllBytes(values["location"]), Is.EqualTo(System.IO.File.ReadAllBytes(Path.Combine(packages, "checkout.generated", version, "lib", "net10.0", "Checkout.Generated.dll"))), "the library comes from the package");
            Assert.That(System.IO.File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json")), Does.Match($@"""Checkout\.Generated/{version.Replace(".", "\\.")}"": {{\s*""type"": ""package"""), "a package reference, not a project reference");
            Assert.That(values["informational"], Is.EqualTo($"{version}+spec.{spec.Date}.{spec.Sha256[..8]}"));
            Assert.That(values["spec"], Is.EqualTo(spec.Sha256));
            Assert.That(values["operations"], Is.EqualTo(CheckoutOperationCatalog.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(values["payment-id-matches"], Is.EqualTo("True"));
            Assert.That(values["payment-amount"], Is.EqualTo("1000"));
            Assert.That(values["file-round-trip"], Is.EqualTo("True"), "System.IO.File used unqualified beside the models");
            Assert.That(values["status-is-value-type"], Is.EqualTo("True"));
            Assert.That(values["payment-request-id"], Is.EqualTo("True"), "the result's metadata carries Cko-Request-Id");
            // One token per narrowest scope (creating and reading a payment take different scopes), never one per call.
            Assert.That(int.Parse(values["token-requests"], System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 2), "OAuth token exchanges");
            Assert.That(values["payment-requests"], Is.EqualTo("2"), "POST /payments and GET /payments/{id}");
        });
    }

    [Test]
    public async Task WebProject_ReferencingThePackage_BuildsWithImplicitUsings_FileAndModelsInOneFile()
    {
        var feed = await PackedPackages.FeedAsync();
        var web = Path.Combine(PackedPackages.WorkDirectory, "web-consumer");
        Directory.CreateDirectory(web);
        var version = RepositoryFiles.VersionPrefix();
        await System.IO.File.WriteAllTextAsync(Path.Combine(web, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(PackedPackages.WorkDirectory, "packages")}" /></config>
              <packageSources><add key="checkout-generated-test-feed" value="{feed}" /></packageSources>
            </configuration>
            """);
        await System.IO.File.WriteAllTextAsync(Path.Combine(web, "Web.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Checkout.Generated" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        // Every public type of the library in one file with the web SDK's implicit namespaces: a clash is CS0104.
        var models = typeof(CheckoutOperation).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Checkout.Generated.Models" && !t.IsGenericTypeDefinition && !t.IsNested && t.GetCustomAttributes(typeof(ObsoleteAttribute), false).Length == 0)
            .Select(t => $"    typeof({t.Name}),");
        await System.IO.File.WriteAllTextAsync(Path.Combine(web, "Program.cs"), $$"""
            using Checkout.Generated;
            using Checkout.Generated.Models;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCheckoutClient(options => builder.Configuration.GetSection("Checkout").Bind(options));
            var app = builder.Build();
            app.MapPost("/payments", async (ICheckoutClient checkout, HttpRequest http) =>
            {
                var request = Newtonsoft.Json.JsonConvert.DeserializeObject<PaymentRequest>(await new StreamReader(http.Body).ReadToEndAsync())!;
                var result = await checkout.Payments.RequestPaymentOrPayoutAsync(request);
                await File.AppendAllTextAsync("payments.log", $"{result.StatusCode}\n");
                return Results.Ok(result.StatusCode);
            });
            app.Run();

            static class AllModels
            {
                public static readonly Type[] Types =
                [
            {{string.Join("\n", models)}}
                ];
            }
            """);

        var output = await DotNetCli.RunCheckedAsync(web, TimeSpan.FromMinutes(4), "build", "-c", "Release");

        Assert.That(output, Does.Contain("Build succeeded"));
        Assert.That(models.Count(), Is.GreaterThan(100), "every model was named in the web project's Program.cs");
    }
}
