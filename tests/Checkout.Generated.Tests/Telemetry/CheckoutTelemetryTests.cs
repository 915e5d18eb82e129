using Checkout.Generated.Models;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Telemetry;

/// <summary>The spans and instruments of real calls against the local server, seen by an ActivityListener and a MeterListener.</summary>
[Category("Telemetry")]
[NonParallelizable]
public class CheckoutTelemetryTests
{
    private static readonly ActivitySource TestSource = new("Checkout.Generated.Tests");
    private CheckoutMockServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await CheckoutMockServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private CheckoutClientFactory Factory(Action<CheckoutOptions>? configure = null)
    {
        var options = _server.Configure(new CheckoutOptions());
        options.Resilience.BaseDelay = TimeSpan.Zero;
        configure?.Invoke(options);
        return new CheckoutClientFactory(options);
    }

    private static CheckoutRequestOptions NewKey() => new() { IdempotencyKey = Guid.NewGuid().ToString("N") };

    private static PaymentRequest Payment() => new()
    {
        Source = new PaymentRequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100" },
        Amount = 1500,
        Currency = "GBP",
        Capture = false,
    };

    /// <summary>Runs <paramref name="call"/> under a test root span and returns this client's spans of that trace.</summary>
    private static async Task<List<Activity>> TraceAsync(TelemetryRecorder recorder, Func<Task> call)
    {
        // The source must exist before the listener is added (a source created during AddActivityListener misses it).
        var source = TestSource;
        using var listener = new ActivityListener { ShouldListenTo = s => s == source, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(listener);
        ActivityTraceId trace;
        using (var root = source.StartActivity("test")!)
        {
            trace = root.TraceId;
            await call();
        }
        return recorder.Ours().Where(a => a.TraceId == trace).ToList();
    }

    private static object? Tag(Activity activity, string name) => activity.TagObjects.FirstOrDefault(t => t.Key == name).Value;

    [Test]
    public async Task Payment_FirstCall_OneClientSpanWithTheOperationTagsAndAChildTokenSpan()
    {
        using var recorder = new TelemetryRecorder();
        using var factory = Factory();
        var create = CheckoutOperationCatalog.All.Single(o => o.Method == "POST" && o.PathTemplate == "/payments");
        PaymentResponse? payment = null;

        var spans = await TraceAsync(recorder, async () => payment = (await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(Payment(), NewKey())).Created);

        var call = spans.Single(a => a.Kind == ActivityKind.Client);
        var token = spans.Single(a => (string?)Tag(a, "checkout.outcome") is not null);
        Assert.Multiple(() =>
        {
            Assert.That(call.DisplayName, Is.EqualTo("POST /payments"));
            Assert.That(Tag(call, "http.request.method"), Is.EqualTo("POST"));
            Assert.That(Tag(call, "checkout.operation"), Is.EqualTo(create.Id));
            Assert.That(Tag(call, "server.address"), Is.EqualTo("127.0.0.1"));
            Assert.That(Tag(call, "server.port"), Is.EqualTo(_server.BaseAddresses["api"].Port));
            Assert.That(Tag(call, "http.response.status_code"), Is.EqualTo(201));
            Assert.That((string?)Tag(call, "checkout.request_id"), Does.StartWith("req_"));
            Assert.That(create.Scopes, Does.Contain(Tag(call, "checkout.scope")));
            Assert.That(Tag(call, "checkout.attempts"), Is.EqualTo(1));
            Assert.That(Tag(call, "error.type"), Is.Null);
            Assert.That(call.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(token.ParentSpanId, Is.EqualTo(call.SpanId), "the token request is a child of the call that needed it");
            Assert.That(Tag(token, "checkout.scope"), Is.EqualTo(Tag(call, "checkout.scope")));
            Assert.That(Tag(token, "checkout.outcome"), Is.EqualTo("issued"));
        });
        var durations = recorder.Of("checkout.client.request.duration");
        Assert.That(durations, Has.Count.EqualTo(1));
        Assert.That(durations[0].Tags, Is.EquivalentTo(new Dictionary<string, object?> { ["checkout.operation"] = create.Id, ["checkout.status_class"] = "2xx" }));
        Assert.That(durations[0].Value, Is.GreaterThan(0).And.LessThan(60));
        Assert.That(recorder.Of("checkout.client.token.requests").Single().Tags["checkout.outcome"], Is.EqualTo("issued"));
        Assert.That(recorder.Of("checkout.client.retries"), Is.Empty);
    }

    [Test]
    public async Task Retry_503ThenSuccess_CountsOneRetryWithAChildRetrySpan()
    {
        using var factory = Factory();
        var payments = factory.Create<IPaymentsClient>();
        var payment = (await payments.RequestPaymentOrPayoutAsync(Payment(), NewKey())).Created!;
        var details = CheckoutOperationCatalog.All.Single(o => o.Method == "GET" && o.PathTemplate == "/payments/{id}");
        _server.InjectFault(new CheckoutMockFault { OperationId = details.Id, StatusCode = 503 });
        using var recorder = new TelemetryRecorder();

        var spans = await TraceAsync(recorder, () => payments.GetPaymentDetailsAsync(payment.Id!));

        var call = spans.Single(a => a.Kind == ActivityKind.Client);
        var retry = spans.Single(a => a.DisplayName.EndsWith(" retry", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(Tag(call, "checkout.attempts"), Is.EqualTo(2));
            Assert.That(Tag(call, "http.response.status_code"), Is.EqualTo(200));
            Assert.That(retry.ParentSpanId, Is.EqualTo(call.SpanId));
            Assert.That(Tag(retry, "checkout.attempt"), Is.EqualTo(2));
            Assert.That(Tag(retry, "http.response.status_code"), Is.EqualTo(200));
        });
        Assert.That(recorder.Of("checkout.client.retries").Select(m => (m.Value, m.Tags["checkout.operation"])), Is.EqualTo(new[] { (1.0, (object?)details.Id) }));
    }

    [Test]
    public async Task Failure_404_SpanAndDurationCarryTheErrorType()
    {
        using var factory = Factory();
        var payments = factory.Create<IPaymentsClient>();
        await payments.RequestPaymentOrPayoutAsync(Payment(), NewKey());
        using var recorder = new TelemetryRecorder();

        var spans = await TraceAsync(recorder, async () =>
            Assert.That(await Catch(() => payments.GetPaymentDetailsAsync("pay_doesnotexist0000000000000")), Is.InstanceOf<CheckoutApiException>()));

        var call = spans.Single(a => a.Kind == ActivityKind.Client);
        Assert.That(Tag(call, "http.response.status_code"), Is.EqualTo(404));
        Assert.That(Tag(call, "error.type"), Is.EqualTo("404"));
        Assert.That(call.Status, Is.EqualTo(ActivityStatusCode.Error));
        var duration = recorder.Of("checkout.client.request.duration").Single();
        Assert.That(duration.Tags["checkout.status_class"], Is.EqualTo("4xx"));
        Assert.That(duration.Tags["error.type"], Is.EqualTo("404"));
    }

    [Test]
    public async Task TokenFailure_WrongSecret_CountsTheOAuthErrorAndFailsTheSpans()
    {
        using var factory = Factory(o => o.AccessKeySecret = "not-the-secret");
        using var recorder = new TelemetryRecorder();

        var spans = await TraceAsync(recorder, async () =>
            Assert.That(await Catch(() => factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(Payment(), NewKey())), Is.InstanceOf<CheckoutTokenException>()));

        var call = spans.Single(a => a.Kind == ActivityKind.Client);
        var token = spans.Single(a => Tag(a, "checkout.outcome") is not null);
        Assert.That(Tag(token, "checkout.outcome"), Is.EqualTo("invalid_client"));
        Assert.That(token.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(Tag(call, "error.type"), Is.EqualTo(typeof(CheckoutTokenException).FullName));
        Assert.That(recorder.Of("checkout.client.token.requests").Select(m => m.Tags["checkout.outcome"]), Is.EqualTo(new[] { "invalid_client" }));
        Assert.That(recorder.Of("checkout.client.request.duration").Single().Tags["checkout.status_class"], Is.EqualTo("none"));
    }

    private static async Task<Exception?> Catch(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
