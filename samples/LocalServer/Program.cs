using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated;
using Checkout.Generated.Testing;

// Usage: dotnet run --project samples/LocalServer -- [--minutes N]   (default 10; the server then stops by itself)
var minutes = 10.0;
var at = Array.IndexOf(args, "--minutes");
if (at >= 0 && (at + 1 >= args.Length || !double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out minutes) || minutes <= 0))
{
    Console.Error.WriteLine("--minutes takes a positive number, e.g. --minutes 10.");
    return 2;
}

await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { Lifetime = TimeSpan.FromMinutes(minutes) });
Console.WriteLine($"Local Checkout server ({CheckoutOperationCatalog.All.Count} operations of the spec), stops in {minutes} min or on Ctrl+C.");
foreach (var (kind, url) in server.BaseAddresses.OrderBy(p => p.Key, StringComparer.Ordinal)) Console.WriteLine($"  Checkout:BaseAddresses:{kind} = {url}");
Console.WriteLine($"  Checkout:TokenEndpoint = {server.TokenEndpoint}");
Console.WriteLine($"  Checkout:AccessKeyId = {CheckoutMockServerOptions.DefaultClientId} (secret: see docs/local-server.md)");
Console.WriteLine($"  Checkout:AccountPrefix = {server.Options.AccountPrefix}");
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    _ = server.DisposeAsync().AsTask();
};
await server.Stopped;
Console.WriteLine("Local Checkout server stopped.");
return 0;
