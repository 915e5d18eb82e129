using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>The documented answer of an operation: its first 2xx status and the first JSON example of a status.</summary>
internal static class MockExamples
{
    public static JToken? Example(ExampleComposer composer, string operationId, int status)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var media = composer.ResponseMediaType(operationId, code);
        return media is not null && media.Contains("json", StringComparison.Ordinal) ? composer.ResponseExamples(operationId, code).FirstOrDefault()?.Value : null;
    }

    public static (int Status, JToken? Example) Success(ExampleComposer composer, string operationId)
    {
        var status = composer.DocumentedStatuses(operationId).FirstOrDefault(s => s.StartsWith("2", StringComparison.Ordinal)) ?? "200";
        var media = composer.ResponseMediaType(operationId, status);
        var example = media is not null && media.Contains("json", StringComparison.Ordinal) ? composer.ResponseExamples(operationId, status).FirstOrDefault()?.Value : null;
        return (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), example);
    }
}
