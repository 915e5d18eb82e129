using System.Collections.Generic;
using Checkout.Generated.Codegen.SpecUpdate;
using NUnit.Framework;

namespace Checkout.Generated.Tests.SpecUpdate;

/// <summary>The change report's public API section, on two small baselines in PublicApiGenerator's format.</summary>
[Category("SpecUpdate")]
public class PublicApiChangesTests
{
    private const string Previous = """
        namespace Checkout.Generated
        {
            public interface IPaymentsClient
            {
                [Checkout.Generated.CheckoutOperation("captureAPayment")]
                System.Threading.Tasks.Task<Checkout.Generated.CaptureResponse> CaptureAPaymentAsync(string id, Checkout.Generated.CaptureRequest? body = null, System.Threading.CancellationToken cancellationToken = default);
                [Checkout.Generated.CheckoutOperation("getPaymentDetails")]
                System.Threading.Tasks.Task<Checkout.Generated.PaymentDetails> GetPaymentDetailsAsync(string id, System.Threading.CancellationToken cancellationToken = default);
                [Checkout.Generated.CheckoutOperation("requestAQuote")]
                System.Threading.Tasks.Task<Checkout.Generated.QuoteResponse> RequestAQuoteAsync(System.Threading.CancellationToken cancellationToken = default);
            }
            public class CaptureRequest { }
            public class Response9 { }
        }
        """;

    private const string Current = """
        namespace Checkout.Generated
        {
            public interface IPaymentsClient
            {
                [Checkout.Generated.CheckoutOperation("capturePayment")]
                System.Threading.Tasks.Task<Checkout.Generated.Models.CaptureResponse> CapturePaymentAsync(string id, Checkout.Generated.Models.CaptureRequest? body = null, System.Threading.CancellationToken cancellationToken = default);
                [Checkout.Generated.CheckoutOperation("getPaymentDetails")]
                System.Threading.Tasks.Task<Checkout.Generated.Models.PaymentDetails> GetPaymentDetailsAsync(string id, Checkout.Generated.CheckoutRequestOptions? options = null, System.Threading.CancellationToken cancellationToken = default);
                [Checkout.Generated.CheckoutOperation("getFxRates")]
                System.Threading.Tasks.Task<Checkout.Generated.Models.FxRates> GetFxRatesAsync(System.Threading.CancellationToken cancellationToken = default);
            }
        }
        namespace Checkout.Generated.Models
        {
            public class CaptureRequest { }
            public class RequestAccessTokenResponse { }
        }
        """;

    private static readonly Dictionary<string, string> SpecIds = new() { ["capturePayment"] = "captureAPayment" };

    [Test]
    public void Write_TwoBaselines_ReportsMovesRenamesSignaturesRemovalsAndAdditions()
    {
        var section = PublicApiChanges.Write("1.0.0", Previous, Current, SpecIds);

        Assert.Multiple(() =>
        {
            Assert.That(section, Does.StartWith("## Public API changes: 1.0.0 → this build"));
            Assert.That(section, Does.Contain("- **Breaking** 1 types moved from `Checkout.Generated` to `Checkout.Generated.Models` (add `using Checkout.Generated.Models;`)."));
            Assert.That(section, Does.Contain("### Methods renamed (1)\n\n**Breaking**: `IPaymentsClient.CaptureAPaymentAsync` → `IPaymentsClient.CapturePaymentAsync`"));
            Assert.That(section, Does.Contain("### Method signatures changed (parameters or result) (1)\n\n**Breaking**: `IPaymentsClient.GetPaymentDetailsAsync`"));
            Assert.That(section, Does.Contain("### Methods removed (1)\n\n**Breaking**: `IPaymentsClient.RequestAQuoteAsync`"));
            Assert.That(section, Does.Contain("### Types removed (1)\n\n**Breaking**: `Response9`"));
            Assert.That(section, Does.Contain("### Methods added (1)\n\n`IPaymentsClient.GetFxRatesAsync`"));
            Assert.That(section, Does.Contain("### Types added (1)\n\n`RequestAccessTokenResponse`"));
            Assert.That(section, Does.Contain("**Summary:** 5 breaking changes"));
        });
    }

    [Test]
    public void Merge_ReportWithASection_ReplacesItAndKeepsTheRest()
    {
        var report = "# Report\n\nspec changes\n\n" + PublicApiChanges.Heading + ": old\n\nstale\n";

        var merged = PublicApiChanges.Merge(report, PublicApiChanges.Heading + ": new\n");

        Assert.That(merged, Is.EqualTo("# Report\n\nspec changes\n\n" + PublicApiChanges.Heading + ": new\n"));
    }
}
