using Checkout.Generated.Models;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Testing;

/// <summary>The local server's payments: a body it rejects, the state machine (capture, refund, void), and injected faults.</summary>
[Category("Contract")]
public class CheckoutMockServerPaymentFlowTests : CheckoutMockServerFixture
{
    [Test]
    public async Task Operation_BodyMissingRequiredField_Returns422WithCheckoutErrorShape()
    {
        var operation = PaymentOperation("POST", "/payments");
        var body = (JObject)RequestExample(operation.Id);
        body.Remove("currency");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.BaseAddresses["api"], "payments")) { Content = Json(body) };
        request.Headers.Authorization = TestPlatform.SecretKeyHeader(Server.Options.SecretKeys[0]);

        using var response = await Http.SendAsync(request);
        var error = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422));
            Assert.That((string?)error["error_type"], Is.EqualTo("request_invalid"));
            Assert.That(error["error_codes"]!.Select(c => (string?)c), Does.Contain("currency_required"));
            Assert.That((string?)error["request_id"], Is.EqualTo(response.Headers.GetValues("Cko-Request-Id").Single()));
        });
    }

    [Test]
    public async Task PaymentFlow_CaptureThenPartialRefund_ChangesStatusAndActions()
    {
        var payments = new PaymentsClient(SecretKeyClient());
        var request = RequestExample(PaymentOperation("POST", "/payments").Id).ToObject<PaymentRequest>()!;
        request.Amount = 1000;

        var created = (await payments.RequestPaymentOrPayoutAsync(request)).Created!;
        Assert.That((await payments.GetPaymentDetailsAsync(created.Id!)).Status?.ToString(), Is.EqualTo("Authorized"));
        await payments.CapturePaymentAsync(created.Id!, body: new CaptureRequest { Amount = 1000 });
        Assert.That((await payments.GetPaymentDetailsAsync(created.Id!)).Status?.ToString(), Is.EqualTo("Captured"));
        await payments.RefundPaymentAsync(created.Id!, body: new RefundRequest { Amount = 400 });
        var details = await payments.GetPaymentDetailsAsync(created.Id!);
        var actions = CheckoutJson.ToObject<List<PaymentAction>>(await payments.GetPaymentActionsAsync(created.Id!))!;

        Assert.That(details.Status?.ToString(), Is.EqualTo("Partially Refunded"));
        Assert.That(actions.Select(a => (a.Type?.ToString(), a.Amount)), Is.EqualTo(new[] { ("Refund", (long?)400), ("Capture", (long?)1000), ("Authorization", (long?)1000) }));
    }

    [Test]
    public async Task PaymentFlow_VoidAfterCapture_IsRefusedAndVoidBeforeCaptureVoids()
    {
        var payments = new PaymentsClient(SecretKeyClient());
        var request = RequestExample(PaymentOperation("POST", "/payments").Id).ToObject<PaymentRequest>()!;
        var captured = (await payments.RequestPaymentOrPayoutAsync(request)).Created!;
        await payments.CapturePaymentAsync(captured.Id!, body: new CaptureRequest());
        var voided = (await payments.RequestPaymentOrPayoutAsync(request)).Created!;

        var refused = Assert.ThrowsAsync<CheckoutApiException>(() => payments.VoidPaymentAsync(captured.Id!, body: new VoidRequest()));
        await payments.VoidPaymentAsync(voided.Id!, body: new VoidRequest());

        Assert.That(refused!.StatusCode, Is.EqualTo(403));
        Assert.That((await payments.GetPaymentDetailsAsync(voided.Id!)).Status?.ToString(), Is.EqualTo("Voided"));
    }

    [Test]
    public async Task InjectFault_StatusForOneRequest_FailsOnceThenAnswersNormally()
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var payments = new PaymentsClient(SecretKeyClient(server));
        var operation = PaymentOperation("GET", "/payments/{id}");
        var created = (await payments.RequestPaymentOrPayoutAsync(RequestExample(PaymentOperation("POST", "/payments").Id).ToObject<PaymentRequest>()!)).Created!;
        server.InjectFault(new CheckoutMockFault { OperationId = operation.Id, StatusCode = 503 });

        var failure = Assert.ThrowsAsync<CheckoutApiException>(() => payments.GetPaymentDetailsAsync(created.Id!));
        var details = await payments.GetPaymentDetailsAsync(created.Id!);

        Assert.That(failure!.StatusCode, Is.EqualTo(503));
        Assert.That(failure.RequestId, Does.StartWith("req_"));
        Assert.That(details.Id, Is.EqualTo(created.Id!));
        Assert.That(server.RequestCount(operation.Id), Is.EqualTo(2));
    }

    [Test]
    public async Task InjectFault_MalformedBody_ClientReportsAnUnreadableBody()
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var payments = new PaymentsClient(SecretKeyClient(server));
        server.InjectFault(new CheckoutMockFault { MalformedBody = true });

        var failure = Assert.ThrowsAsync<CheckoutApiException>(() => payments.RequestPaymentOrPayoutAsync(RequestExample(PaymentOperation("POST", "/payments").Id).ToObject<PaymentRequest>()!));

        Assert.That(failure!.Message, Does.Contain("could not be read"));
        Assert.That(failure.Response, Is.Not.Empty, "the raw body is kept");
    }

    private HttpClient SecretKeyClient(CheckoutMockServer? server = null)
    {
        var client = new HttpClient { BaseAddress = (server ?? Server).BaseAddresses["api"] };
        client.DefaultRequestHeaders.Authorization = TestPlatform.SecretKeyHeader((server ?? Server).Options.SecretKeys[0]);
        return client;
    }
}
