using System;
using Checkout.Generated.Models;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Internal;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// Cost of the client's telemetry per call (<c>GetPaymentDetailsAsync</c> through the factory, OAuth with a cached token, synchronous stub):
/// nobody listening; a listener for other sources only (an app tracing ASP.NET Core, say); this client's source and meter listened to.
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private StubHandler _stub = null!;
    private CheckoutClientFactory _factory = null!;
    private IPaymentsClient _payments = null!;
    private ActivityListener? _activities;
    private MeterListener? _meters;
    private long _spans;
    private long _measurements;

    /// <summary>Who listens: <c>None</c>, <c>OtherSources</c>, <c>ThisClient</c>.</summary>
    [Params("None", "OtherSources", "ThisClient")]
    public string Listener { get; set; } = "None";

    /// <summary>Builds the client, subscribes the listener and checks that spans are recorded exactly when this client is listened to.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stub = Fixtures.NewStub();
        _factory = new CheckoutClientFactory(Fixtures.OAuthOptions(), _stub);
        _payments = _factory.Create<IPaymentsClient>();
        if (Listener != "None")
        {
            var ours = Listener == "ThisClient";
            _activities = new ActivityListener
            {
                ShouldListenTo = source => ours ? source.Name == CheckoutDiagnostics.ActivitySourceName : source.Name == "Benchmarks.Other",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _ => _spans++,
            };
            ActivitySource.AddActivityListener(_activities);
            _meters = new MeterListener { InstrumentPublished = (instrument, listener) => { if (ours && instrument.Meter.Name == CheckoutDiagnostics.MeterName) listener.EnableMeasurementEvents(instrument); } };
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => _measurements++);
            _meters.SetMeasurementEventCallback<long>((_, _, _, _) => _measurements++);
            _meters.Start();
        }

        Call().GetAwaiter().GetResult();
        Fixtures.Verify(_stub, Fixtures.AccessToken);
        _spans = _measurements = 0;
        Call().GetAwaiter().GetResult();
        var expected = Listener == "ThisClient" ? 1 : 0;
        if (_spans != expected || _measurements != expected)
            throw new InvalidOperationException($"Listener {Listener}: {_spans} span(s) and {_measurements} measurement(s) for one call, expected {expected}.");
    }

    /// <summary>Releases the client and the listeners.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _activities?.Dispose();
        _meters?.Dispose();
        _factory.Dispose();
        _stub.Dispose();
    }

    /// <summary>One call with a cached token.</summary>
    [Benchmark]
    public Task Call() => _payments.GetPaymentDetailsAsync(Fixtures.PaymentId);
}
