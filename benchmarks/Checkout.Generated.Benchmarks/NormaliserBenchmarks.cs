using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Internal;
using Checkout.Generated.Codegen;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Benchmarks;

/// <summary>The build-time normaliser on Checkout.com's real spec: parsing the document, and running every rule on it.</summary>
[MemoryDiagnoser]
public class NormaliserBenchmarks
{
    private byte[] _spec = null!;
    private JObject _document = null!;

    /// <summary>Reads and parses the spec once (see <see cref="RepositoryPaths.Spec"/>), and checks it normalises without errors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = RepositoryPaths.Spec();
        Console.WriteLine($"// Normaliser benchmark spec: {path}");
        _spec = System.IO.File.ReadAllBytes(path);
        _document = Parse();
        var context = Normaliser.Normalise(_document);
        if (context.Errors.Count > 0) throw new InvalidOperationException($"The spec does not normalise: {context.Errors[0]}");
    }

    /// <summary>Parses the document as the codegen tool does (no date parsing).</summary>
    [Benchmark]
    public JObject Parse()
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(_spec))) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    /// <summary>Normalises the parsed document: a deep copy, then every rule in order.</summary>
    [Benchmark]
    public JObject Normalise() => Normaliser.Normalise(_document).Document;
}
