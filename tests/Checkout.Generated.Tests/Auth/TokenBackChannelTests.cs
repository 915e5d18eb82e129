using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Models;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Auth;

/// <summary>Token requests go through their own client (the back channel), with their own timeout, never through the API handlers.</summary>
[TestFixture]
[Category("Auth")]
public sealed class TokenBackChannelTests
{
    private static readonly string PaymentUrl = AuthFixture.SandboxApi + "payments/pay_1";
    private static readonly Uri TokenUrl = AuthFixture.SandboxTokenUrl;

    [Test]
    public async Task GetPaymentDetails_TokenStaleAsSoonAsStored_LooksTheTokenUpOncePerAttempt()
    {
        // Every token is stale once stored (the clock jumps past its refresh moment), so each look-up that is not the one
        // the attempt uses would request another token: one look-up per attempt means one token request per call.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var wire = new Wire(tokenLifetime: 1);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<HybridCache>(new ClockJumpingCache(time, TimeSpan.FromSeconds(5)));
        services.AddCheckoutClient(o => OAuth(o, time)).ConfigurePrimaryHttpMessageHandler(() => wire);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That((wire.TokenRequests, wire.ApiTokens.Single()), Is.EqualTo((1, "token-1")));
    }

    [Test]
    public async Task GetPaymentDetails_TokenEndpointSilent_TimesOutAfterTokenRequestTimeoutNotTheApiAttemptTimeout()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var wire = new Wire(tokenLifetime: 3600) { SilentTokenEndpoint = true };
        var options = AuthFixture.OAuth();
        options.TimeProvider = time;
        options.TokenRequestTimeout = TimeSpan.FromSeconds(5);
        options.Resilience.MaxRetryAttempts = 0;
        Assume.That(options.Resilience.AttemptTimeout, Is.GreaterThan(TimeSpan.FromSeconds(5)));
        using var factory = new CheckoutClientFactory(options, wire);

        var call = factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");
        await wire.TokenRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(5));
        var thrown = Assert.ThrowsAsync<CheckoutTokenException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)))!;

        Assert.That((thrown.Error, wire.ApiTokens.Count), Is.EqualTo(("timeout", 0)));
    }

    [Test]
    public async Task GetPaymentDetails_HandlerAddedToTheApiClient_NeverSeesTheTokenRequest()
    {
        var wire = new Wire(tokenLifetime: 3600);
        var apiHandler = new Recorder();
        var services = new ServiceCollection().AddLogging();
        services.AddCheckoutClient(o => OAuth(o, null)).AddHttpMessageHandler(() => apiHandler).ConfigurePrimaryHttpMessageHandler(() => wire);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That((wire.TokenRequests, apiHandler.Urls.Single()), Is.EqualTo((1, PaymentUrl)));
    }

    [Test]
    public async Task GetPaymentDetails_HandlerAddedToTheTokenClient_SeesTheTokenRequestOnly()
    {
        var wire = new Wire(tokenLifetime: 3600);
        var tokenHandler = new Recorder();
        var services = new ServiceCollection().AddLogging();
        services.AddCheckoutClient(o => OAuth(o, null)).ConfigurePrimaryHttpMessageHandler(() => wire);
        services.AddHttpClient(CheckoutServiceCollectionExtensions.TokenHttpClientName).AddHttpMessageHandler(() => tokenHandler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That((tokenHandler.Urls.Single(), wire.ApiTokens.Single()), Is.EqualTo((TokenUrl.AbsoluteUri, "token-1")));
    }

    private static void OAuth(CheckoutOptions o, TimeProvider? time)
    {
        var source = AuthFixture.OAuth();
        o.AccountPrefix = source.AccountPrefix;
        o.AccessKeyId = source.AccessKeyId;
        o.AccessKeySecret = source.AccessKeySecret;
        o.TimeProvider = time;
    }

    /// <summary>The transport: the token endpoint issues <c>token-1</c>, <c>token-2</c>, … (or never answers); the API answers a payment.</summary>
    private sealed class Wire(int tokenLifetime) : HttpMessageHandler
    {
        private int _tokens;

        public bool SilentTokenEndpoint { get; init; }

        public TaskCompletionSource TokenRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int TokenRequests => Volatile.Read(ref _tokens);

        public ConcurrentQueue<string> ApiTokens { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri == TokenUrl)
            {
                var n = Interlocked.Increment(ref _tokens);
                TokenRequestArrived.TrySetResult();
                if (SilentTokenEndpoint) await Task.Delay(Timeout.Infinite, cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(AuthFixture.TokenJson("token-" + n, tokenLifetime), System.Text.Encoding.UTF8, "application/json") };
            }

            ApiTokens.Enqueue(request.Headers.Authorization?.Parameter ?? "(none)");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"pay_1\"}", System.Text.Encoding.UTF8, "application/json") };
        }
    }

    /// <summary>A handler that records the URL of every request that passes it.</summary>
    private sealed class Recorder : DelegatingHandler
    {
        public ConcurrentQueue<string> Urls { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Urls.Enqueue(request.RequestUri!.AbsoluteUri);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>An empty HybridCache whose every write moves the clock on: what it stores is stale at once.</summary>
    private sealed class ClockJumpingCache(FakeTimeProvider time, TimeSpan jump) : HybridCache
    {
        public override ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
            HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
            factory(state, cancellationToken);

        public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
        {
            time.Advance(jump);
            return default;
        }

        public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => default;

        public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) => default;
    }
}
