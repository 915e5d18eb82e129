using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Checkout.Generated.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Contract;

/// <summary>Test cases read from the spec the build used: every catalog operation, every example, every documented status.</summary>
internal static class ContractCases
{
    public static readonly ExampleComposer Composer = new();

    /// <summary>Case name → operation id, recorded as the sources are enumerated (for the coverage summary).</summary>
    public static readonly ConcurrentDictionary<string, string> CaseOperations = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Requests()
    {
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            var media = Composer.RequestMediaType(operation.Id);
            var examples = media is null ? new List<ComposedExample?> { null } : Composer.RequestExamples(operation.Id).Cast<ComposedExample?>().ToList();
            if (examples.Count == 0) examples.Add(null);
            foreach (var example in examples)
            {
                yield return Case(operation.Id, $"{operation.Id} request ({example?.Name ?? (media is null ? "no body" : "no usable schema")})", operation.Id, media, example);
            }
        }
    }

    public static IEnumerable<TestCaseData> Responses()
    {
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            foreach (var status in Composer.DocumentedStatuses(operation.Id).Where(s => int.TryParse(s, out _)))
            {
                var media = Composer.ResponseMediaType(operation.Id, status);
                if (media is null || !media.Contains("json", StringComparison.Ordinal)) continue;
                var examples = Composer.ResponseExamples(operation.Id, status).Cast<ComposedExample?>().ToList();
                if (examples.Count == 0) examples.Add(null);
                foreach (var example in examples)
                {
                    yield return Case(operation.Id, $"{operation.Id} {status} response ({example?.Name ?? "no usable schema"})", operation.Id, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), example);
                }
            }
        }
    }

    public static IEnumerable<TestCaseData> Errors()
    {
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            foreach (var status in Composer.DocumentedStatuses(operation.Id).Select(s => int.TryParse(s, out var code) ? code : 0).Where(s => s >= 400))
            {
                yield return Case(operation.Id, $"{operation.Id} {status} error", operation.Id, status);
            }
        }
    }

    /// <summary>The first example of the first documented 2xx response, the body a request case is answered with.</summary>
    public static (int Status, string? Body) SuccessResponse(string operationId)
    {
        var status = Composer.DocumentedStatuses(operationId).FirstOrDefault(s => s.StartsWith("2", StringComparison.Ordinal)) ?? "200";
        var media = Composer.ResponseMediaType(operationId, status);
        var body = media is not null && media.Contains("json", StringComparison.Ordinal) ? Composer.ResponseExamples(operationId, status).FirstOrDefault()?.Value.ToString() : null;
        return (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), body);
    }

    private static TestCaseData Case(string operationId, string name, params object?[] arguments)
    {
        CaseOperations[name] = operationId;
        return new TestCaseData(arguments).SetName(name);
    }
}
