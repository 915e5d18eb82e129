using Checkout.Generated.Models;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Flows;
using Checkout.Generated.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Telemetry;

/// <summary>Everything a full payment flow emits, from every ActivitySource and Meter in the process, holds no secret.</summary>
[Category("Telemetry")]
[NonParallelizable]
public class TelemetrySecretsTests
{
    [Test]
    public async Task FullPaymentFlow_EverySpanEventBaggageAndMeasurement_CarriesNoSecret()
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var options = server.Configure(new CheckoutOptions());
        var wire = new WireRecorder();
        using var recorder = new TelemetryRecorder(everySource: true);
        using (var factory = new CheckoutClientFactory(options, wire))
        {
            var payments = factory.Create<IPaymentsClient>();
            await QuickStartFlow.RunAsync(payments);
            // One more payment with an idempotency key of our own and a distinctive CVV, voided.
            var payment = (await payments.RequestPaymentOrPayoutAsync(new PaymentRequest
            {
                Source = new PaymentRequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "9173" },
                Amount = 700, Currency = "GBP", Capture = false,
            }, new CheckoutRequestOptions { IdempotencyKey = "idem-own-7c1f4e2a9b" })).Created!;
            await payments.VoidPaymentAsync(payment.Id!, new VoidRequest());
        }

        var secrets = wire.Secrets.Concat(new[] { options.AccessKeySecret!, "4242424242424242", "9173", "idem-own-7c1f4e2a9b" }).Distinct().ToList();
        var emitted = new List<string>();
        foreach (var activity in recorder.Activities)
        {
            emitted.Add(activity.DisplayName);
            emitted.Add(activity.StatusDescription ?? "");
            emitted.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            emitted.AddRange(activity.Baggage.Select(b => $"{b.Key}={b.Value}"));
            emitted.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Append(e.Name)));
        }
        emitted.AddRange(recorder.Measurements.SelectMany(m => m.Tags.Select(t => $"{m.Instrument}:{t.Key}={t.Value}")));
        TestContext.Out.WriteLine($"{recorder.Activities.Count} spans ({recorder.Ours().Count} of this client), {recorder.Measurements.Count} measurements, {emitted.Count} values checked against {secrets.Count} secrets");

        Assert.That(recorder.Ours().Count(a => a.Kind == ActivityKind.Client), Is.EqualTo(7), "payment, capture, refund, details, actions, payment, void");
        Assert.That(wire.Secrets.Count(s => s.StartsWith("Bearer ", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(7), "the tokens sent are among the secrets checked");
        Assert.That(wire.Secrets, Has.Some.Length.EqualTo(36), "the generated idempotency keys are among the secrets checked");
        var leaks = emitted.Where(value => secrets.Any(secret => value.Contains(secret, StringComparison.Ordinal))).ToList();
        Assert.That(leaks, Is.Empty);
    }
}
