using System;
using System.Threading.Tasks;
using Checkout.Generated.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Generated.Shop;

/// <summary>The shop's routes: the checkout page, paying, the way back from 3DS, the order page and the webhook receiver.</summary>
internal static class ShopEndpoints
{
    public const string Item = "Travel mug";
    public const long Amount = 1250;
    public const string Currency = "GBP";

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Content(ShopPages.Checkout(Item, Amount, Currency), "text/html; charset=utf-8"));
        app.MapPost("/checkout", PayAsync).DisableAntiforgery();
        app.MapGet("/orders/{id}/return", ReturnAsync);
        app.MapGet("/orders/{id}", (string id, OrderBook orders) =>
            orders.Find(id) is { } order ? Results.Content(ShopPages.Order(order), "text/html; charset=utf-8") : Results.NotFound());
        app.MapCheckoutWebhooks(ShopWebhooks.Path, (webhook, context) => context.RequestServices.GetRequiredService<ShopWebhooks>().HandleAsync(webhook, context));
    }

    private static async Task<IResult> PayAsync(HttpContext context, OrderBook orders, ShopPayments payments)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var order = orders.Open(Item, Amount, Currency);
        var site = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
        try
        {
            var challenge = await payments.PayAsync(order, form["card"].ToString().Replace(" ", "", StringComparison.Ordinal), form["threeDs"] == "true",
                new Uri(site, $"orders/{order.Id}/return"), context.RequestAborted);
            // 303: the browser follows with a GET, to the 3DS challenge or straight to the order.
            return Results.Redirect(challenge?.AbsoluteUri ?? $"/orders/{order.Id}", permanent: false, preserveMethod: false);
        }
        catch (CheckoutException error)
        {
            // The message says what went wrong and never carries the card number.
            order.Failed(error.Message);
            return Results.Redirect($"/orders/{order.Id}");
        }
    }

    private static async Task<IResult> ReturnAsync(string id, HttpContext context, OrderBook orders, ShopPayments payments)
    {
        if (orders.Find(id) is not { } order) return Results.NotFound();
        await payments.ConfirmAsync(order, context.Request.Query["cko-session-id"].ToString(), context.RequestAborted);
        return Results.Redirect($"/orders/{order.Id}");
    }
}
