using Checkout.Generated.Models;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Testing;

[Category("Contract")]
public class CheckoutMockServerTests
{
    private static readonly ExampleComposer Composer = new();
    private CheckoutMockServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await CheckoutMockServer.StartAsync();
        _http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task TokenEndpoint_WrongSecret_Returns401InvalidClient()
    {
        TestPlatform.RequireOAuth();
        using var response = await RequestTokenAsync(CheckoutMockServerOptions.DefaultClientId, "not-the-secret", "gateway");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"], Is.EqualTo("invalid_client"));
    }

    [Test]
    public async Task TokenEndpoint_ScopeNotGranted_Returns400InvalidScope()
    {
        TestPlatform.RequireOAuth();
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions
        {
            Clients = { new CheckoutMockClient { ClientId = "ack_narrow", ClientSecret = "s", GrantedScopes = { "vault" } } },
        });

        using var response = await RequestTokenAsync("ack_narrow", "s", "gateway", server);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"], Is.EqualTo("invalid_scope"));
    }

    [Test]
    public async Task TokenEndpoint_GrantedScope_ReturnsJwtShapedTokenWithExpiry()
    {
        TestPlatform.RequireOAuth();
        using var response = await RequestTokenAsync(CheckoutMockServerOptions.DefaultClientId, CheckoutMockServerOptions.DefaultClientSecret, "gateway");
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(((string?)body["access_token"])!.Split('.'), Has.Length.EqualTo(3));
        Assert.That((long)body["expires_in"]!, Is.EqualTo((long)_server.Options.TokenLifetime.TotalSeconds));
    }

    [Test]
    public async Task Operation_WithoutAuthorization_Returns401()
    {
        var operation = PaymentOperation("POST", "/payments");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseAddresses["api"], "payments")) { Content = Json(RequestExample(operation.Id)) };

        using var response = await _http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Operation_TokenScopeDoesNotAllowIt_Returns401()
    {
        TestPlatform.RequireOAuth();
        var operation = PaymentOperation("POST", "/payments");
        var otherScope = CheckoutOperationCatalog.KnownScopes.First(s => !operation.Scopes.Contains(s) && !operation.Scopes.Any(o => s.StartsWith(o + ":", StringComparison.Ordinal)));
        var token = await TokenAsync(otherScope);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseAddresses["api"], "payments")) { Content = Json(RequestExample(operation.Id)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"a token for '{otherScope}' must not allow {operation}");
    }

    [Test]
    public async Task Operation_TokenPastItsExpiry_Returns401()
    {
        TestPlatform.RequireOAuth();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { TimeProvider = clock, Lifetime = null });
        var operation = PaymentOperation("GET", "/payments/{id}");
        var token = await TokenAsync(operation.Scopes[0], server);
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddresses["api"], "payments/pay_unknown"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        using var live = await _http.SendAsync(Request());
        clock.Advance(server.Options.TokenLifetime);
        using var expired = await _http.SendAsync(Request());

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a live token reaches the (unknown) payment");
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Operation_BodyMissingRequiredField_Returns422WithCheckoutErrorShape()
    {
        var operation = PaymentOperation("POST", "/payments");
        var body = (JObject)RequestExample(operation.Id);
        body.Remove("currency");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseAddresses["api"], "payments")) { Content = Json(body) };
        request.Headers.Authorization = TestPlatform.SecretKeyHeader(_server.Options.SecretKeys[0]);

        using var response = await _http.SendAsync(request);
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

    [Test]
    public async Task HostHeader_FirstLabelNamesAHostKind_RoutesToThatHost()
    {
        var files = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Host != "api" && o.Host != "access" && o.Method == "GET");
        if (files is null) Assert.Ignore("This spec release has no GET operation on a host other than api and access (the previous platform, ABC, has one host).");
        var path = files.PathTemplate.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).TrimStart('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseAddresses["api"], path));
        request.Headers.Host = files.Host + ".localhost";
        request.Headers.Authorization = TestPlatform.SecretKeyHeader(_server.Options.SecretKeys[0]);
        var before = _server.RequestCount(files.Id);

        using var response = await _http.SendAsync(request);

        Assert.That(_server.RequestCount(files.Id), Is.EqualTo(before + 1), $"{files} via Host {request.Headers.Host}: {(int)response.StatusCode}");
    }

    [TestCaseSource(nameof(Operations))]
    public async Task EveryOperation_WithAnAllowedCredential_IsRoutedAndAnsweredWithItsDocumentedSuccess(string operationId)
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var operation = CheckoutOperationCatalog.Find(operationId)!;
        var path = operation.PathTemplate;
        foreach (var parameter in Composer.Parameters(operationId).Where(p => (string?)p["in"] == "path"))
        {
            path = path.Replace("{" + (string)parameter["name"]! + "}", Uri.EscapeDataString(Composer.ParameterExample(parameter).ToString()), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(server.BaseAddresses[operation.Host], path.TrimStart('/')));
        var media = Composer.RequestMediaType(operationId);
        if (media is not null && Composer.RequestExamples(operationId).FirstOrDefault() is { } example)
        {
            request.Content = media.Contains("json", StringComparison.Ordinal)
                ? Json(example.Value)
                : new FormUrlEncodedContent(((JObject)example.Value).Properties().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ToString())));
        }

        var credential = await CredentialFor(server, operation);
        if (credential is not null) request.Headers.TryAddWithoutValidation("Authorization", credential);
        if (operation.Credentials == CheckoutCredentialKinds.None)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(CheckoutMockServerOptions.DefaultClientId + ":" + CheckoutMockServerOptions.DefaultClientSecret)));
        }

        using var response = await _http.SendAsync(request);
        var documented = Composer.DocumentedStatuses(operationId).Where(s => s.StartsWith('2')).Select(int.Parse).ToList();

        Assert.That(server.RequestCount(operationId), Is.EqualTo(1), "routed to the operation");
        Assert.That((int)response.StatusCode, documented.Count > 0 ? Is.AnyOf(documented.Cast<object>().Append(404).ToArray()) : Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Contains("Cko-Request-Id"));
    }

    private static IEnumerable<TestCaseData> Operations() => CheckoutOperationCatalog.All.Select(o => new TestCaseData(o.Id).SetName($"Server routes {o.Id}"));

    private static async Task<string?> CredentialFor(CheckoutMockServer server, CheckoutOperation operation)
    {
        // The Authorization header value, in the format the spec prescribes for each credential.
        if (operation.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey)) return TestPlatform.KeyHeader(server.Options.SecretKeys[0], CheckoutCredentialKinds.SecretKey);
        if (operation.Credentials.HasFlag(CheckoutCredentialKinds.PublicKey)) return TestPlatform.KeyHeader(server.Options.PublicKeys[0], CheckoutCredentialKinds.PublicKey);
        if (operation.Credentials.HasFlag(CheckoutCredentialKinds.OAuth)) return "Bearer " + await TokenAsync(operation.Scopes.FirstOrDefault() ?? "gateway", server);
        return operation.Credentials.HasFlag(CheckoutCredentialKinds.Other) ? "sek_localmock" : null;
    }

    private static CheckoutOperation PaymentOperation(string method, string template) =>
        CheckoutOperationCatalog.All.Single(o => o.Method == method && o.PathTemplate == template && o.Host == "api");

    private static JToken RequestExample(string operationId) => Composer.RequestExamples(operationId).First(e => e.FromMediaType).Value;

    private static StringContent Json(JToken body) => new(body.ToString(), Encoding.UTF8, "application/json");

    private HttpClient SecretKeyClient(CheckoutMockServer? server = null)
    {
        var client = new HttpClient { BaseAddress = (server ?? _server).BaseAddresses["api"] };
        client.DefaultRequestHeaders.Authorization = TestPlatform.SecretKeyHeader((server ?? _server).Options.SecretKeys[0]);
        return client;
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string id, string secret, string scope, CheckoutMockServer? server = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, (server ?? _server).TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));
        return await _http.SendAsync(request);
    }

    private static async Task<string> TokenAsync(string scope, CheckoutMockServer server)
    {
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(CheckoutMockServerOptions.DefaultClientId + ":" + CheckoutMockServerOptions.DefaultClientSecret)));
        using var response = await http.PostAsync(server.TokenEndpoint, content);
        response.EnsureSuccessStatusCode();
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["access_token"]!;
    }

    private Task<string> TokenAsync(string scope) => TokenAsync(scope, _server);
}
