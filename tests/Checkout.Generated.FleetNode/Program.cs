using System;
using System.IO;
using Checkout.Generated;
using Checkout.Generated.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

// Usage: FleetNode <redis configuration> <cache instance name> <data protection keys dir> <token endpoint> <client id> <client secret> <account prefix>
// with one "<host kind> <base URL>" line per host on stdin. Starts one app instance (its own service provider, HybridCache
// over Redis, shared Data Protection keys), requests a payment and reads it back, and prints "paid <payment id>".
var services = new ServiceCollection();
services.AddLogging();
services.AddHybridCache();
services.AddStackExchangeRedisCache(o => { o.Configuration = args[0]; o.InstanceName = args[1]; });
services.AddDataProtection().SetApplicationName("checkout-fleet").PersistKeysToFileSystem(new DirectoryInfo(args[2]));
services.AddCheckoutClient(o =>
{
    o.TokenEndpoint = new Uri(args[3]);
    o.AccessKeyId = args[4];
    o.AccessKeySecret = args[5];
    o.AccountPrefix = args[6];
    string? line;
    while ((line = Console.In.ReadLine()) is { Length: > 0 })
    {
        var parts = line.Split(' ', 2);
        o.BaseAddresses[parts[0]] = new Uri(parts[1]);
    }
});

await using var provider = services.BuildServiceProvider();
var payments = provider.GetRequiredService<IPaymentsClient>();
var created = (await payments.RequestPaymentOrPayoutAsync(body: new PaymentRequest
{
    Source = new PaymentRequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100" },
    Amount = 1000,
    Currency = "GBP",
    Reference = "fleet-node",
})).Created ?? throw new InvalidOperationException("The payment is pending (202), not authorised.");
var details = await payments.GetPaymentDetailsAsync(created.Id!);
Console.WriteLine("paid " + details.Id);
