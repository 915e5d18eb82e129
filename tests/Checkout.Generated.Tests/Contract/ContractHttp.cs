using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Checkout.Generated.Testing;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Contract;

/// <summary>A strict mock of Checkout.com: answers the one expected request, fails loudly on any other.</summary>
internal sealed class ContractHttp : IDisposable
{
    public const string RequestId = "0HL80RJLS76I7";

    private readonly MockHttpMessageHandler _mock = new(BackendDefinitionBehavior.Always);
    private CheckoutClientFactory? _factory;

    public ContractHttp(CheckoutOperation operation, string expectedPath, int status, string? body, Action<HttpResponseMessage>? shape = null)
    {
        _mock.Fallback.Respond(request => throw new AssertionException($"Unexpected request {request.Method} {request.RequestUri} for {operation}."));
        _mock.When(HttpMethod.Post, TokenEndpoint.ToString())
            .Respond("application/json", "{\"access_token\":\"contract-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        HttpResponseMessage Answer(HttpRequestMessage request)
        {
            Request = request;
            Body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
            var response = new HttpResponseMessage((HttpStatusCode)status);
            response.Headers.Add("Cko-Request-Id", RequestId);
            if (body is not null) response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            shape?.Invoke(response);
            return response;
        }

        bool Expected(HttpRequestMessage request) => request.RequestUri!.Host == HostOf(operation.Host) && request.RequestUri.AbsolutePath == expectedPath;
        _mock.Expect(new HttpMethod(operation.Method), "*").With(Expected).Respond(Answer);

        // On a 401 the auth layer renews its token and retries once: the retry gets the same answer.
        if (status == 401) _mock.When(new HttpMethod(operation.Method), "*").With(Expected).Respond(Answer);
    }

    /// <summary>The request the client sent, once it has.</summary>
    public HttpRequestMessage? Request { get; private set; }

    /// <summary>The request body as sent.</summary>
    public string? Body { get; private set; }

    public static string HostOf(string hostKind) => hostKind + ".checkout.test";

    private static readonly Uri TokenEndpoint = new("https://access.checkout.test/connect/token");

    /// <summary>
    /// The generated client of <paramref name="method"/>, built by <see cref="CheckoutClientFactory"/> over the strict mock:
    /// the auth layer's handler picks each operation's host from <c>BaseAddresses</c> and its credential.
    /// </summary>
    public object ClientFor(System.Reflection.MethodInfo method)
    {
        var options = new CheckoutOptions
        {
            AccountPrefix = TestPlatform.Prefix("contract"),
            AccessKeyId = TestPlatform.HasOAuth ? "ack_contract" : null, AccessKeySecret = TestPlatform.HasOAuth ? "contract-secret" : null,
            SecretKey = "sk" + TestPlatform.SandboxMarker + "contract", PublicKey = "pk" + TestPlatform.SandboxMarker + "contract", TokenEndpoint = TokenEndpoint,
            // One exchange per documented answer: retries of 429/5xx are the Reliability category's subject.
            Resilience = { Enabled = false },
        };
        foreach (var kind in CheckoutOperationCatalog.All.Select(o => o.Host).Append("access").Distinct()) options.BaseAddresses[kind] = new Uri($"https://{HostOf(kind)}/");
        _factory = new CheckoutClientFactory(options, _mock);
        var create = typeof(CheckoutClientFactory).GetMethod(nameof(CheckoutClientFactory.Create))!.MakeGenericMethod(method.DeclaringType!);
        return create.Invoke(_factory, null)!;
    }

    public void VerifyAnswered() => _mock.VerifyNoOutstandingExpectation();

    public void Dispose()
    {
        _factory?.Dispose();
        _mock.Dispose();
    }
}
