using Checkout.Generated.Models;
using System.Linq;
using System.Net;
using System.Net.Http;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>What the resilience tests share: the payment URLs and body, the idempotent payment operation, and canned answers.</summary>
internal static class ResilienceFixture
{
    public static readonly string PaymentsUrl = AuthFixture.SandboxApi + "payments";
    public static readonly string PaymentUrl = PaymentsUrl + "/pay_1";
    public const string PaymentJson = "{\"id\":\"pay_1\",\"status\":\"Authorized\"}";

    public static PaymentRequest PaymentBody => new() { Amount = 1000, Currency = "GBP", Reference = "ord-1", Source = new PaymentRequestIdSource { Id = "src_1" } };

    /// <summary>The POST /payments that declares an idempotency key, or the test is ignored for this spec release.</summary>
    public static CheckoutOperation PaymentOperation() =>
        CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST" && o.PathTemplate == "/payments" && o.IdempotencyKeyHeader is not null)
        ?? throw new IgnoreException("this spec release has no POST /payments declaring an idempotency key");

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("{\"error_type\":\"injected\"}") };

    public static HttpResponseMessage Created() => new(HttpStatusCode.Created) { Content = new StringContent(PaymentJson, System.Text.Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent(PaymentJson, System.Text.Encoding.UTF8, "application/json") };
}
