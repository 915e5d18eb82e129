using System;
using System.Net.Http;
using Checkout.Generated.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Generated.Tests.Auth;

/// <summary>What the token cache tests share: the payment and token URLs, a payment body, and a bare cache.</summary>
internal static class TokenCacheFixture
{
    public static readonly string PaymentUrl = AuthFixture.SandboxApi + "payments/pay_1";
    public const string PaymentJson = "{\"id\":\"pay_1\"}";
    public static readonly string TokenUrl = AuthFixture.SandboxTokenUrl.AbsoluteUri;

    /// <summary>A token cache without a client around it, requesting tokens through <paramref name="http"/>.</summary>
    public static TokenCache Cache(CheckoutOptions options, HttpClient http) =>
        new(new CheckoutSettings(options, TimeProvider.System), () => http, NullLogger.Instance);
}
