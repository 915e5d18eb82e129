using System;
using System.Linq;
using Checkout.Generated;
using Checkout.Generated.QuickStart;
using Checkout.Generated.Testing;
using Checkout.Generated.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// With CHECKOUT_WEBHOOK_SIGNATURE_KEY set, this is a receiver for your workflow (listening on ASPNETCORE_URLS).
// Otherwise it receives the local Checkout server's webhooks for the quick start's payment, then exits.
var key = Environment.GetEnvironmentVariable("CHECKOUT_WEBHOOK_SIGNATURE_KEY");
var inbox = new WebhookInbox();
if (!string.IsNullOrEmpty(key))
{
    var receiver = WebhookReceiverApp.Create(args, inbox, o => o.SignatureKeys.Add(key));
    await receiver.RunAsync();
    return 0;
}

const string LocalKey = "sample-webhook-signing-key";
await using var app = WebhookReceiverApp.Create(args, inbox, o => o.SignatureKeys.Add(LocalKey));
app.Urls.Add("http://127.0.0.1:0");
await app.StartAsync();
var url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), WebhookReceiverApp.Path);
Console.WriteLine($"Receiving webhooks on {url}");

await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { Webhooks = { Url = url, SignatureKey = LocalKey } });
var services = new ServiceCollection();
services.AddCheckoutClient(options => server.Configure(options));
await using var provider = services.BuildServiceProvider();
var result = await new PaymentFlow(provider.GetRequiredService<ICheckoutClient>()).RunAsync(Console.Out);

// Approved, captured, refunded: one webhook per lifecycle action.
var sent = await server.WaitForWebhooksAsync(result.PaymentId, 3).WaitAsync(TimeSpan.FromSeconds(30));
Console.WriteLine($"Done: {sent.Count(w => w.Delivered)} of {sent.Count} webhooks for {result.PaymentId} delivered, {inbox.Events.Count} accepted.");
await app.StopAsync();
return sent.All(w => w.Delivered) && inbox.Events.Count == sent.Count ? 0 : 1;
