using System;
using System.Threading.Tasks;
using Checkout.Generated.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Webhooks;

/// <summary>The sample's receiver: <c>POST /webhooks/checkout</c>, verified and typed by Checkout.Generated.AspNetCore.</summary>
public static class WebhookReceiverApp
{
    /// <summary>The path Checkout.com (or the local server) posts to.</summary>
    public const string Path = "/webhooks/checkout";

    /// <summary>Builds the receiver; <paramref name="configure"/> sets the signature key(s), e.g. from configuration.</summary>
    public static WebApplication Create(string[] args, WebhookInbox inbox, Action<CheckoutWebhookOptions> configure)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCheckoutWebhooks(configure);
        var app = builder.Build();
        app.MapCheckoutWebhooks(Path, (webhook, context) =>
        {
            // Deduplicate on the event id: Checkout.com delivers again when an answer is not 2xx.
            if (inbox.Add(webhook)) Describe(webhook);
            return Task.CompletedTask;
        });
        return app;
    }

    private static void Describe(CheckoutWebhookEvent webhook)
    {
        // Data is the spec's model for the event type (payment events), or the JSON itself for types the spec does not describe.
        var data = webhook.Data is Newtonsoft.Json.Linq.JToken ? "untyped" : webhook.Data?.GetType().Name ?? "none";
        Console.WriteLine($"webhook {webhook.Type,-20} {webhook.Id} data: {data} {webhook.RawData?["id"]} {webhook.RawData?["status"]}");
    }
}
