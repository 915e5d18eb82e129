using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Shop;

// dotnet run --project samples/Shop -c Release [-- --port 5080 --minutes 30]
// A shop on 127.0.0.1 paying against its own local Checkout server: no credentials, no network.
var port = Option(args, "--port", 5080);
var minutes = Option(args, "--minutes", 30);
await using var shop = await ShopHost.StartAsync(port);
Console.WriteLine($"Shop:            {shop.Url}");
Console.WriteLine($"Local Checkout:  {shop.Checkout.BaseAddresses["api"]}");
Console.WriteLine($"Open the shop in a browser; stops after {minutes} minute(s) or on Ctrl+C.");
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping.");
}

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
