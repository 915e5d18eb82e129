using Checkout.Generated.Models;
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>What the retries log: each failed attempt at Information without a stack trace, the call's final failure once at Warning.</summary>
[TestFixture]
[Category("Reliability")]
public sealed class RetryLoggingTests
{
    private const string PaymentsUrl = "https://vkuhvk4v.api.sandbox.checkout.com/payments";
    private const string PaymentJson = "{\"id\":\"pay_1\",\"status\":\"Authorized\"}";
    private static PaymentRequest PaymentBody => new() { Amount = 1000, Currency = "GBP", Reference = "ord-1", Source = new PaymentRequestIdSource { Id = "src_1" } };

    private sealed record Entry(LogLevel Level, string Event, string Message, Exception? Exception);

    /// <summary>Every log entry of the client, with its level, event name and exception.</summary>
    private sealed class Recorder : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue(new Entry(logLevel, eventId.Name ?? "", formatter(state, exception), exception));

        public void Dispose()
        {
        }
    }

    /// <summary>A transport for POST /payments that answers each attempt in turn (the last answer repeats).</summary>
    private static ScriptedTransport Script(params Func<HttpResponseMessage>[] answers) => new(HttpMethod.Post, PaymentsUrl, answers);

    private static HttpResponseMessage Reset() => throw new HttpRequestException("Error while copying content to a stream.", new IOException("Connection reset by peer"));

    private static HttpResponseMessage Created() => new(HttpStatusCode.Created) { Content = new StringContent(PaymentJson, System.Text.Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Unavailable() => new(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{\"error_type\":\"injected\"}") };

    private static CheckoutOperation PaymentOperation() =>
        CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST" && o.PathTemplate == "/payments" && o.IdempotencyKeyHeader is not null)
        ?? throw new IgnoreException("this spec release has no POST /payments declaring an idempotency key");

    private static async Task<Exception?> PayAsync(Recorder recorder, ScriptedTransport script)
    {
        using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(recorder));
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), script, logging);
        try
        {
            await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(PaymentBody);
            return null;
        }
        catch (CheckoutException e)
        {
            return e;
        }
    }

    [Test]
    public async Task RequestPayment_TwoResetsThenCreated_LogsEachFailedAttemptAtInformationAndNoWarning()
    {
        var operation = PaymentOperation();
        var recorder = new Recorder();

        var failure = await PayAsync(recorder, Script(Reset, Reset, Created));

        var entries = recorder.Entries.ToArray();
        var attempts = entries.Where(e => e.Event == "AttemptFailed").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.Null);
            Assert.That(attempts.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Information, LogLevel.Information }));
            Assert.That(attempts.Select(e => e.Exception), Is.All.Null, "no exception, so no stack trace, with an attempt");
            Assert.That(attempts[0].Message, Does.StartWith($"Checkout POST {operation.Id} attempt 1 to vkuhvk4v.api.sandbox.checkout.com failed after ")
                .And.EndWith("ms: HttpRequestException: Error while copying content to a stream. (IOException: Connection reset by peer)"));
            Assert.That(attempts[1].Message, Does.Contain(" attempt 2 "));
            Assert.That(entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty, "a call that succeeded logs no warning");
            Assert.That(entries.Count(e => e.Event == "RequestCompleted"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RequestPayment_ResetOnEveryAttempt_LogsTheFinalFailureOnceAtWarningWithoutStackTrace()
    {
        var operation = PaymentOperation();
        var recorder = new Recorder();

        var failure = await PayAsync(recorder, Script(Reset));

        var entries = recorder.Entries.ToArray();
        var warnings = entries.Where(e => e.Level >= LogLevel.Warning).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.TypeOf<CheckoutTransportException>());
            Assert.That(entries.Where(e => e.Event == "AttemptFailed").Select(e => e.Level), Is.EqualTo(Enumerable.Repeat(LogLevel.Information, 4)), "the first attempt and 3 retries");
            Assert.That(warnings, Has.Length.EqualTo(1));
            Assert.That(warnings[0].Event, Is.EqualTo("RequestFailed"));
            Assert.That(warnings[0].Exception, Is.Null);
            Assert.That(warnings[0].Message, Does.StartWith($"Checkout POST {operation.Id} failed after 4 attempt(s) in ")
                .And.Contain("ms: the connection failed or was cut before the whole answer arrived. The request may have reached Checkout.com")
                .And.Not.Contain(" at "));
        });
    }

    [Test]
    public async Task RequestPayment_503OnEveryAttempt_LogsEachAnswerAtInformationAndTheFinalFailureOnceAtWarning()
    {
        var operation = PaymentOperation();
        var recorder = new Recorder();

        var failure = await PayAsync(recorder, Script(Unavailable));

        var entries = recorder.Entries.ToArray();
        var warnings = entries.Where(e => e.Level >= LogLevel.Warning).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.InstanceOf<CheckoutApiException>().With.Property(nameof(CheckoutApiException.StatusCode)).EqualTo(503));
            Assert.That(entries.Where(e => e.Event == "RequestCompleted").Select(e => (e.Level, e.Message.Contains("returned 503", StringComparison.Ordinal))),
                Is.EqualTo(Enumerable.Repeat((LogLevel.Information, true), 4)));
            Assert.That(warnings.Select(w => (w.Event, w.Exception)), Is.EqualTo(new[] { ("RequestFailed", (Exception?)null) }));
            Assert.That(warnings.Single().Message, Does.StartWith($"Checkout POST {operation.Id} failed after 4 attempt(s) in ").And.EndWith("ms: HTTP 503"));
        });
    }

    [Test]
    public async Task RequestPayment_Created_LogsNothingAboveInformation()
    {
        PaymentOperation();
        var recorder = new Recorder();

        var failure = await PayAsync(recorder, Script(Created));

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.Null);
            Assert.That(recorder.Entries.Where(e => e.Level >= LogLevel.Warning || e.Event == "AttemptFailed"), Is.Empty);
        });
    }
}
