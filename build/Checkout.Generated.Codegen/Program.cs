using System.Diagnostics;
using System.Security.Cryptography;
using Checkout.Generated.Codegen;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

// Build-time code generation: normalise the spec, write the catalog, run NSwag. Serialised by a lock file so that
// the parallel inner builds of a multi-targeted project generate once; skipped when the inputs' stamp is unchanged.
if (args.Length > 0 && args[0] == "update-spec")
{
    return await Checkout.Generated.Codegen.SpecUpdate.UpdateSpecCommand.RunAsync(args[1..], Console.Out, Console.Error);
}
if (args.Length > 0 && args[0] == "api-diff")
{
    return await Checkout.Generated.Codegen.SpecUpdate.ApiDiffCommand.RunAsync(args[1..], Console.Out, Console.Error);
}
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: codegen --spec FILE --out DIR --nswag-dll FILE --nswag-config FILE --templates DIR [--namespace NS] [--lock FILE] [--normalise-only]");
    return 2;
}

Directory.CreateDirectory(options.Out);
using var gate = await GenerationLock.AcquireAsync(Path.Combine(options.Out, ".codegen.lock"));

if (!File.Exists(options.Spec))
{
    Console.Error.WriteLine($"error CKGEN001: the OpenAPI document '{options.Spec}' does not exist. Set CheckoutOpenApiSpec to a file or an http(s) URL.");
    return 1;
}
var specBytes = await File.ReadAllBytesAsync(options.Spec);
var specSha = Convert.ToHexString(SHA256.HashData(specBytes)).ToLowerInvariant();
var specLock = SpecLock.Read(options.Lock);
if (specLock is not null && specLock.Sha256 != specSha)
{
    Console.WriteLine($"warning CKGEN100: the OpenAPI document '{options.Spec}' (sha256 {specSha}) does not match openapi/checkout.lock.json (sha256 {specLock.Sha256}). Run build/update-spec to record it.");
}
var specDate = specLock?.Sha256 == specSha ? specLock.SpecDate : "";
var stampFile = Path.Combine(options.Out, ".codegen.stamp");
var stamp = Stamp.Of(specBytes, options);
var clientsFile = Path.Combine(options.Out, "CheckoutClients.g.cs");
if (!options.NormaliseOnly && File.Exists(stampFile) && File.Exists(clientsFile) && File.Exists(Path.Combine(options.Out, "CheckoutEventCatalog.g.cs")) && await File.ReadAllTextAsync(stampFile) == stamp)
{
    Console.WriteLine("Checkout codegen: up to date.");
    return 0;
}

JObject source;
try
{
    using var reader = new JsonTextReader(new StreamReader(new MemoryStream(specBytes))) { DateParseHandling = DateParseHandling.None };
    source = JObject.Load(reader);
}
catch (JsonException e)
{
    Console.Error.WriteLine($"error CKGEN002: '{options.Spec}' is not a JSON OpenAPI document: {e.Message}");
    return 1;
}

var watch = Stopwatch.StartNew();
NormalisationContext normalised;
try
{
    normalised = Normaliser.Normalise(source);
}
catch (NormalisationException e)
{
    Console.Error.WriteLine($"error CKGEN003: {e.Message}");
    return 1;
}
foreach (var rule in Normaliser.Rules.DistinctBy(r => r.Name))
{
    Console.WriteLine($"Checkout normaliser: {rule.Name}: {normalised.Counts.GetValueOrDefault(rule.Name)}");
}
if (normalised.Errors.Count > 0)
{
    foreach (var error in normalised.Errors) Console.Error.WriteLine($"error CKGEN004: cannot repair {error}");
    return 1;
}

var normalisedFile = Path.Combine(options.Out, "checkout.normalised.json");
await File.WriteAllTextAsync(normalisedFile, normalised.Document.ToString(Formatting.Indented));
var entries = CatalogEntry.Read(normalised);
var spec = new SpecInfo(
    normalised.Document["info"]?["title"]?.Value<string>() ?? "",
    normalised.Document["info"]?["version"]?.Value<string>() ?? "",
    specSha,
    specDate,
    normalised.Document[Checkout.Generated.Codegen.Repair.AccountHostRule.Extension]?.Value<bool>() ?? false,
    CatalogEntry.BearerKeyKinds(normalised.Document));
var knownScopes = Scopes.Declared(normalised.Document);
await File.WriteAllTextAsync(Path.Combine(options.Out, "CheckoutOperationCatalog.g.cs"), CatalogWriter.Write(entries, knownScopes, spec, options.Namespace));
await File.WriteAllTextAsync(Path.Combine(options.Out, "CheckoutEventCatalog.g.cs"), EventCatalogWriter.Write(EventCatalog.Read(normalised.Document), options.Namespace));
Console.WriteLine($"Checkout normaliser: {entries.Count} operations, {normalised.Document["components"]?["schemas"]?.Count() ?? 0} schemas, in {watch.ElapsedMilliseconds} ms");
if (options.NormaliseOnly) return 0;

var nswag = Process.Start(new ProcessStartInfo("dotnet")
{
    ArgumentList =
    {
        options.NSwagDll, "run", options.NSwagConfig,
        $"/variables:Input={normalisedFile},Output={clientsFile},Templates={options.Templates},Namespace={options.Namespace}",
    },
    UseShellExecute = false,
    // One short run: dynamic PGO's instrumented tier costs NSwag about a third of its time (docs/codegen.md, Figures).
    Environment = { ["DOTNET_TieredPGO"] = "0" },
})!;
await nswag.WaitForExitAsync();
if (nswag.ExitCode != 0 || !File.Exists(clientsFile))
{
    Console.Error.WriteLine($"error CKGEN005: NSwag failed (exit code {nswag.ExitCode}) on '{normalisedFile}'.");
    return 1;
}
// Descriptions carry XML-doc elements as markers through NSwag's escaping (DocTextRule): restore them.
await File.WriteAllTextAsync(clientsFile, Checkout.Generated.Codegen.Docs.XmlDocMarkers.Restore(await File.ReadAllTextAsync(clientsFile)));
await File.WriteAllTextAsync(stampFile, stamp);
var (clientLines, clientClasses) = GeneratedSize.ClientClasses(await File.ReadAllLinesAsync(clientsFile));
Console.WriteLine($"Checkout codegen: generated {entries.Count} operations in {watch.ElapsedMilliseconds} ms; "
    + $"{clientLines} lines in {clientClasses} client classes, {(entries.Count == 0 ? 0 : clientLines / entries.Count)} per operation.");
return 0;
