using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Signs and POSTs the local server's webhooks one at a time, in the order the actions happened, with bounded retries.</summary>
internal sealed class WebhookSender : IAsyncDisposable
{
    private readonly CheckoutMockWebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Channel<CheckoutMockWebhook> _queue = Channel.CreateUnbounded<CheckoutMockWebhook>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<CheckoutMockWebhook> _finished = new();
    private readonly List<(string Subject, int Count, TaskCompletionSource<IReadOnlyList<CheckoutMockWebhook>> Done)> _waiters = new();
    private readonly List<CheckoutMockWebhook> _all = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public WebhookSender(CheckoutMockWebhookOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _loop = options.Url is null ? Task.CompletedTask : Task.Run(RunAsync);
    }

    /// <summary>Checks the options before the server starts: a loopback URL, a key, at least one attempt.</summary>
    public static void Validate(CheckoutMockWebhookOptions options)
    {
        if (options.Url is not { } url) return;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"CheckoutMockWebhookOptions.Url '{url}' must be an absolute http(s) URL.", nameof(options));
        if (!url.IsLoopback)
            throw new ArgumentException($"CheckoutMockWebhookOptions.Url '{url}' is not a loopback address: the local server sends webhooks to 127.0.0.1, [::1] or localhost only.", nameof(options));
        if (string.IsNullOrEmpty(options.SignatureKey)) throw new ArgumentException("CheckoutMockWebhookOptions.SignatureKey is empty: webhooks are always signed.", nameof(options));
        if (options.MaxAttempts < 1) throw new ArgumentException("CheckoutMockWebhookOptions.MaxAttempts must be at least 1.", nameof(options));
        if (options.RetryDelay < TimeSpan.Zero) throw new ArgumentException("CheckoutMockWebhookOptions.RetryDelay must not be negative.", nameof(options));
    }

    public bool Enabled => _options.Url is not null;

    public IReadOnlyList<CheckoutMockWebhook> All
    {
        get { lock (_finished) return _all.ToList(); }
    }

    /// <summary>Queues an event (built by the caller, in action order).</summary>
    public void Enqueue(JObject evt)
    {
        if (!Enabled) return;
        var body = evt.ToString(Formatting.None);
        var signature = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.SignatureKey), Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
        var webhook = new CheckoutMockWebhook((string)evt["id"]!, (string)evt["type"]!, (string?)evt["data"]?["id"] ?? "", body, signature);
        lock (_finished) _all.Add(webhook);
        _queue.Writer.TryWrite(webhook);
    }

    /// <summary>Completes with the first <paramref name="count"/> webhooks for <paramref name="subjectId"/> once each is delivered or given up on.</summary>
    public Task<IReadOnlyList<CheckoutMockWebhook>> WaitAsync(string subjectId, int count, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<IReadOnlyList<CheckoutMockWebhook>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_finished)
        {
            var ready = _finished.Where(w => w.SubjectId == subjectId).Take(count).ToList();
            if (ready.Count == count) return Task.FromResult<IReadOnlyList<CheckoutMockWebhook>>(ready);
            if (_stopping.IsCancellationRequested) return Task.FromCanceled<IReadOnlyList<CheckoutMockWebhook>>(_stopping.Token);
            _waiters.Add((subjectId, count, done));
        }
        var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        _ = done.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping abandons what is still queued.
        }
        lock (_finished)
        {
            foreach (var waiter in _waiters) waiter.Done.TrySetCanceled();
            _waiters.Clear();
        }
        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var webhook in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            await DeliverAsync(webhook).ConfigureAwait(false);
            lock (_finished)
            {
                _finished.Add(webhook);
                foreach (var waiter in _waiters.ToList())
                {
                    var ready = _finished.Where(w => w.SubjectId == waiter.Subject).Take(waiter.Count).ToList();
                    if (ready.Count < waiter.Count) continue;
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(ready);
                }
            }
        }
    }

    /// <summary>
    /// Delivers every webhook sent so far again, <paramref name="copies"/> times to each receiver, all at once (as Checkout.com's
    /// at-least-once delivery and retries can), each copy retried like a first delivery. Answers each copy's attempts and last status.
    /// </summary>
    public async Task<IReadOnlyList<WebhookCopy>> DeliverCopiesAsync(IReadOnlyList<Uri> receivers, int copies)
    {
        foreach (var receiver in receivers) Validate(new CheckoutMockWebhookOptions { Url = receiver, SignatureKey = _options.SignatureKey });
        var sends = All.SelectMany(w => receivers.SelectMany(r => Enumerable.Range(0, copies).Select(_ => SendCopyAsync(w, r)))).ToList();
        return await Task.WhenAll(sends).ConfigureAwait(false);
    }

    private async Task<WebhookCopy> SendCopyAsync(CheckoutMockWebhook webhook, Uri receiver)
    {
        await Task.Yield();
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            int? status = null;
            using var request = new HttpRequestMessage(HttpMethod.Post, receiver) { Content = new StringContent(webhook.Body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Cko-Signature", webhook.Signature);
            try
            {
                using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = null;
            }
            if (status is >= 200 and < 300 || attempt >= _options.MaxAttempts) return new WebhookCopy(webhook.EventId, receiver, attempt, status);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
            delay += delay;
        }
    }

    private async Task DeliverAsync(CheckoutMockWebhook webhook)
    {
        var delay = _options.RetryDelay;
        while (true)
        {
            webhook.Attempts++;
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url) { Content = new StringContent(webhook.Body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Cko-Signature", webhook.Signature);
            if (_options.Authorization is { Length: > 0 } authorization) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            try
            {
                using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
                webhook.StatusCode = (int)response.StatusCode;
                webhook.Delivered = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                webhook.StatusCode = null;
            }
            catch (TaskCanceledException) when (!_stopping.IsCancellationRequested)
            {
                webhook.StatusCode = (int)HttpStatusCode.RequestTimeout;
            }
            if (webhook.Delivered || webhook.Attempts >= _options.MaxAttempts) return;
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
            delay += delay;
        }
    }
}
