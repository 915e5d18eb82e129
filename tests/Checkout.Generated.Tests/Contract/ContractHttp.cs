using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Checkout.Generated.Testing;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Contract;

/// <summary>A strict mock of Checkout.com: answers the one expected request, fails loudly on any other.</summary>
internal sealed class ContractHttp : IDisposable
{
    public const string RequestId = "0HL80RJLS76I7";

    private readonly MockHttpMessageHandler _mock = new();

    public ContractHttp(CheckoutOperation operation, string expectedPath, int status, string? body)
    {
        _mock.Fallback.Respond(request => throw new AssertionException($"Unexpected request {request.Method} {request.RequestUri} for {operation}."));
        _mock.Expect(new HttpMethod(operation.Method), "*")
            .With(request => request.RequestUri!.Host == HostOf(operation.Host) && request.RequestUri.AbsolutePath == expectedPath)
            .Respond(request =>
            {
                Request = request;
                Body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
                var response = new HttpResponseMessage((HttpStatusCode)status);
                response.Headers.Add("Cko-Request-Id", RequestId);
                if (body is not null) response.Content = new StringContent(body, Encoding.UTF8, "application/json");
                return response;
            });
    }

    /// <summary>The request the client sent, once it has.</summary>
    public HttpRequestMessage? Request { get; private set; }

    /// <summary>The request body as sent.</summary>
    public string? Body { get; private set; }

    public static string HostOf(string hostKind) => hostKind + ".checkout.test";

    /// <summary>An HttpClient for the operation's host (the catalog says which host kind serves it).</summary>
    public HttpClient ClientFor(CheckoutOperation operation) => new(_mock, disposeHandler: false) { BaseAddress = new Uri($"http://{HostOf(operation.Host)}/") };

    public void VerifyAnswered() => _mock.VerifyNoOutstandingExpectation();

    public void Dispose() => _mock.Dispose();
}
