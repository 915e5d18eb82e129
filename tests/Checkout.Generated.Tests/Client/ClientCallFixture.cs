using Checkout.Generated.Models;
using System;
using System.Net;
using System.Net.Http;
using System.Text;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Client;

/// <summary>A strict mock per test (every expectation met at the end), a payments client over it, and answers carrying Checkout's headers.</summary>
public abstract class ClientCallFixture
{
    protected const string Api = "https://api.sandbox.checkout.com/";
    protected const string PaymentJson = """{"id":"pay_1","status":"Authorized","approved":true}""";

    private protected StrictMockHttp Mock { get; private set; } = null!;

    [SetUp]
    public void SetUp() => Mock = new StrictMockHttp();

    [TearDown]
    public void TearDown()
    {
        Mock.VerifyNoOutstandingExpectation();
        Mock.Dispose();
    }

    private protected PaymentsClient Payments() => new(new HttpClient(Mock) { BaseAddress = new Uri(Api) });

    private protected static PaymentRequest Payment() => new() { Amount = 100, Currency = "GBP", Source = new PaymentRequestTokenSource { Token = "tok_1" } };

    private protected static HttpResponseMessage Answer(HttpStatusCode status, string? body, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Add("Cko-Request-Id", "req_1");
        response.Headers.Add("Cko-Version", "1.0.0");
        if (body is not null) response.Content = new StringContent(body, Encoding.UTF8, mediaType);
        return response;
    }
}
