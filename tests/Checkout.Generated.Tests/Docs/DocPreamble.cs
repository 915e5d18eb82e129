using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated.Tests.Docs;

/// <summary>
/// What every documentation block is compiled with: the global usings a consumer's project has, and the well-known
/// variables a fragment may use without declaring them (docs/contributing.md, "Code in the docs").
/// </summary>
internal static class DocPreamble
{
    /// <summary>The implicit usings of a <c>Microsoft.NET.Sdk.Web</c> project (a console project's, plus ASP.NET Core's), and the library's namespaces.</summary>
    public static readonly IReadOnlyList<string> GlobalUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks",
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting",
        "Microsoft.Extensions.Logging",
        "Checkout.Generated", "Checkout.Generated.Models", "Checkout.Generated.AspNetCore", "Checkout.Generated.Testing",
    ];

    /// <summary>The variables in scope of every fragment (type, name, what it stands for).</summary>
    public static readonly IReadOnlyList<(string Type, string Name, string Meaning)> Variables =
    [
        ("IServiceCollection", "services", "the application's service collection"),
        ("WebApplicationBuilder", "builder", "an ASP.NET Core application's builder"),
        ("WebApplication", "app", "the built application"),
        ("IConfiguration", "configuration", "the application's configuration"),
        ("IServiceProvider", "provider", "the built service provider"),
        ("ICheckoutClient", "checkout", "a client, from DI or CheckoutClientFactory"),
        ("CheckoutMockServer", "server", "a started local server"),
        ("ILogger", "logger", "a logger"),
        ("CancellationToken", "ct", "the caller's cancellation token"),
        ("PaymentRequest", "request", "a payment request"),
        ("string", "paymentId", "a payment id, pay_…"),
        ("Stream", "output", "where a download goes"),
    ];

    /// <summary>The names of <see cref="Variables"/>.</summary>
    public static readonly IReadOnlySet<string> VariableNames = Variables.Select(v => v.Name).ToHashSet();

    /// <summary>The base class every fragment's method is compiled in: the variables, and the entry point a run calls.</summary>
    public static string Context() =>
        "namespace CheckoutDocs;\n"
        + "#pragma warning disable CS0649, CS8618, CS1998\n"
        + "public abstract class DocContext\n{\n"
        + string.Concat(Variables.Select(v => $"    protected {v.Type} {v.Name} = default!;\n"))
        + "    protected abstract Task RunAsync();\n"
        + "    public Task RunAgainstAsync(CheckoutMockServer localServer)\n    {\n        server = localServer;\n        return RunAsync();\n    }\n"
        + "}\n";

    public static string Usings() => string.Concat(GlobalUsings.Select(u => $"global using {u};\n"));

    /// <summary>
    /// Stand-ins for the few OpenTelemetry .NET members the telemetry pages use, with their real namespaces and shapes. The
    /// tests do not reference OpenTelemetry's packages (they require Microsoft.Extensions 10 throughout); the stand-ins let
    /// those blocks compile, so that what they say about this library (<c>CheckoutDiagnostics</c>) is checked.
    /// </summary>
    public const string OpenTelemetryStandIns = """
        namespace OpenTelemetry
        {
            public sealed class OpenTelemetryBuilder
            {
                public OpenTelemetryBuilder WithTracing(System.Action<OpenTelemetry.Trace.TracerProviderBuilder> configure) => this;
                public OpenTelemetryBuilder WithMetrics(System.Action<OpenTelemetry.Metrics.MeterProviderBuilder> configure) => this;
            }
        }
        namespace OpenTelemetry.Trace
        {
            public abstract class TracerProviderBuilder { public abstract TracerProviderBuilder AddSource(params string[] names); }
            public static class TraceStandInExtensions
            {
                public static TracerProviderBuilder AddHttpClientInstrumentation(this TracerProviderBuilder builder) => builder;
                public static TracerProviderBuilder AddOtlpExporter(this TracerProviderBuilder builder) => builder;
            }
        }
        namespace OpenTelemetry.Metrics
        {
            public abstract class MeterProviderBuilder { public abstract MeterProviderBuilder AddMeter(params string[] names); }
            public static class MetricsStandInExtensions
            {
                public static MeterProviderBuilder AddOtlpExporter(this MeterProviderBuilder builder) => builder;
            }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class OpenTelemetryStandInServiceCollectionExtensions
            {
                public static OpenTelemetry.OpenTelemetryBuilder AddOpenTelemetry(this IServiceCollection services) => new();
            }
        }
        """;
}
