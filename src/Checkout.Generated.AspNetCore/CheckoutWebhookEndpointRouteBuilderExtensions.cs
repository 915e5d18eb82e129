using System;
using System.Threading.Tasks;
using Checkout.Generated.AspNetCore.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Checkout.Generated.AspNetCore;

/// <summary>Maps a minimal-API endpoint that receives Checkout.com webhooks.</summary>
public static class CheckoutWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: reads the raw body, verifies it (401 when not authentic, 413 when too large,
    /// 400 when not an event), then calls <paramref name="handler"/> with the typed event and answers 200. An exception from
    /// the handler answers 500, so Checkout.com delivers the event again. With a webhook store
    /// (<see cref="CheckoutWebhookDeduplicationServiceCollectionExtensions"/>) the handler runs at most once per event id: a
    /// duplicate of a handled event answers 200 without it, one arriving while another delivery is handled answers 409. Needs <see cref="CheckoutWebhookServiceCollectionExtensions.AddCheckoutWebhooks(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{CheckoutWebhookOptions})"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapCheckoutWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<CheckoutWebhookEvent, HttpContext, Task> handler)
    {
        if (endpoints is null) throw new ArgumentNullException(nameof(endpoints));
        if (string.IsNullOrEmpty(pattern)) throw new ArgumentException("The webhook path pattern is empty: give the path Checkout.com posts to, e.g. \"/webhooks/checkout\".", nameof(pattern));
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        var receiver = new WebhookReceiver(handler);
        return endpoints.MapPost(pattern, receiver.ReceiveAsync).WithDisplayName("Checkout.com webhooks " + pattern);
    }
}
