using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// Answers every request of the local server through its steps, one concern each, in order: the routes outside the
/// catalog (3DS challenge pages, upload links), routing, faults, credentials and the token endpoint, idempotency,
/// validation, the stateful flows (payments, disputes), and the documented examples.
/// </summary>
internal sealed class MockEndpoint
{
    private readonly MockFaults _faults;
    private readonly Func<MockRequest, Task> _pipeline;

    public MockEndpoint(CheckoutMockServerOptions options)
    {
        var composer = new ExampleComposer();
        Authority = new MockAuthority(options);
        Webhooks = new WebhookSender(options.Webhooks, options.TimeProvider);
        var events = new MockEvents(Webhooks, options.TimeProvider, PaymentLink);
        Disputes = new MockDisputeFlow(options.TimeProvider, options.SettlementDelay, events.DisputeChanged);
        Payments = new MockPaymentFlow(options.TimeProvider, (payment, action) =>
        {
            events.PaymentAction(payment, action);
            Disputes.OnPaymentAction(payment, action);
        }, options.SettlementDelay);
        var challenge = new ThreeDsChallenge(Payments.Ledger, events.PaymentAction);
        var uploads = new MockUploads(composer, options.TimeProvider);
        _faults = new MockFaults(options);
        Func<string, (int, JToken?)> success = id => MockExamples.Success(composer, id);

        _pipeline = MockPipeline.Build(new IMockStep[]
        {
            new DelegateStep((request, next) => ThreeDsChallenge.Handles(request.Request) ? challenge.HandleAsync(request.Context) : next()),
            new DelegateStep((request, next) => request.Request.Path.Value?.StartsWith(MockUploads.LinkPath, StringComparison.Ordinal) == true ? uploads.HandleLinkAsync(request.Context) : next()),
            new RoutingStep(new OperationRoutes(CheckoutOperationCatalog.All), Counts),
            new FaultStep(_faults, success),
            new AuthorisationStep(Authority),
            new IdempotencyStep(composer, new IdempotencyStore()),
            new ValidationStep(composer),
            new FlowStep(Payments, Disputes, (id, status) => MockExamples.Example(composer, id, status)),
            new ExampleStep(uploads, new MockTokenPages(composer, () => Payments.Created), success),
        });
    }

    /// <summary>The webhooks of the payment lifecycle actions.</summary>
    public WebhookSender Webhooks { get; }

    /// <summary>The base address of the api host, for the links of events (set once the server listens).</summary>
    public Uri? ApiBase { get; set; }

    public ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>The token endpoint and credential checks.</summary>
    public MockAuthority Authority { get; }

    /// <summary>The payment lifecycle (its payments; webhooks hook on through the constructor's callback).</summary>
    public MockPaymentFlow Payments { get; }

    /// <summary>The disputes raised.</summary>
    public MockDisputeFlow Disputes { get; }

    public void AddFault(CheckoutMockFault fault) => _faults.Add(fault);

    public Task HandleAsync(HttpContext context, string host)
    {
        context.Response.Headers["Cko-Request-Id"] = PaymentLedger.NewId("req_");
        return _pipeline(new MockRequest(context, host));
    }

    private Uri? PaymentLink(string paymentId) => ApiBase is not null && Payments.DetailsPath(paymentId) is { } path ? new Uri(ApiBase, path.TrimStart('/')) : null;
}
