using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Internal;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Client;

/// <summary>The call core every generated method delegates to (CheckoutInvoker, CheckoutEndpoint, CheckoutCallContext).</summary>
[TestFixture]
[Category("Client")]
public sealed class CallCoreTests
{
    [Test]
    public async Task Send_WithSettings_ComposesTheAbsoluteUrlOnceFromThePlansHost_BeforeAnyHandler()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Host != "api" && o.Method == "GET" && o.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey))
                        ?? CheckoutOperationCatalog.All.First(o => o.Method == "GET" && o.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey));
        var settings = new CheckoutSettings(AuthFixture.SecretKey(), TimeProvider.System);
        var first = new Recorder();
        using var http = new HttpClient(first) { BaseAddress = new Uri("https://must-not-be-used.example/") };
        var invoker = new CheckoutInvoker(http, settings);
        var call = new CheckoutCallContext(operation);
        foreach (var name in ParameterNames(operation.PathTemplate)) call.Path(name, "id_1", name);

        await invoker.SendAsync(call, CheckoutEndpoint.Empty(operation.Id, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Seen?.ToString(), Is.EqualTo(AuthFixture.ExpectedBase(operation.Host, CheckoutEnvironment.Sandbox) + AuthFixture.RelativePath(operation)));
            Assert.That(call.Plan, Is.Not.Null, "the plan is resolved by the core, once");
            Assert.That(call.RelativeUri, Is.Null, "nothing is left for a handler to compose");
        });
    }

    [Test]
    public async Task Send_OverABareHttpClient_LeavesTheRelativePathToItsBaseAddress()
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "GET" && o.PathTemplate.Contains('{'));
        var first = new Recorder();
        using var http = new HttpClient(first) { BaseAddress = new Uri("https://local.example/base/") };
        var call = new CheckoutCallContext(operation);
        foreach (var name in ParameterNames(operation.PathTemplate)) call.Path(name, "a b/c", name);

        await new CheckoutInvoker(http).SendAsync(call, CheckoutEndpoint.Empty(operation.Id, null), CancellationToken.None);

        Assert.That(first.Seen?.AbsoluteUri, Is.EqualTo("https://local.example/base/" + AuthFixture.RelativePath(operation).Replace("id_1", "a%20b%2Fc")));
    }

    [TestCase(null, null)]
    [TestCase("text/csv", "text/csv")]
    public async Task Send_AsksForTheDeclaredMediaTypeOnly(string? declared, string? sent)
    {
        // A JSON operation declares none (the generated endpoints pass null: Checkout answers JSON unasked); another media type is asked for.
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "GET" && !o.PathTemplate.Contains('{'));
        var first = new Recorder();
        using var http = new HttpClient(first) { BaseAddress = new Uri("https://local.example/") };

        await new CheckoutInvoker(http).SendAsync(new CheckoutCallContext(operation), CheckoutEndpoint.Empty(operation.Id, declared), CancellationToken.None);

        Assert.That(first.Accept, Is.EqualTo(sent));
    }

    [Test]
    public void GeneratedEndpoints_AskForJsonNever()
    {
        var endpoints = typeof(CheckoutEndpoint).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic))
            .Where(f => typeof(CheckoutEndpoint).IsAssignableFrom(f.FieldType))
            .Select(f => (CheckoutEndpoint)f.GetValue(null)!)
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(endpoints.Select(e => e.Operation.Id).Distinct().Count(), Is.EqualTo(CheckoutOperationCatalog.All.Count), "every operation's endpoint was found");
            Assert.That(endpoints.Where(e => e.Accept is { } accept && accept.Contains("json")).Select(e => e.Operation.Id), Is.Empty, "JSON is Checkout's answer unasked: no Accept header for it");
        });
    }

    [Test]
    public void Query_ValuesAreWrittenAsCheckoutExpectsThem_AndNullsAreLeftOut()
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "GET" && !o.PathTemplate.Contains('{'));
        var call = new CheckoutCallContext(operation)
            .Query("flag", true)
            .Query("from", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)))
            .Query("limit", 10L)
            .Query("ids", new[] { "a", "b&c" })
            .Query("absent", null);

        Assert.That(call.Target(), Is.EqualTo(operation.RelativePath + "?flag=true&from=2026-01-02T03%3A04%3A05.0000000%2B01%3A00&limit=10&ids=a&ids=b%26c"));
    }

    [Test]
    public async Task Fields_NoneSet_SendAnEmptyFormOfTheirKind_WhileNoFieldsSendNoBody()
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "POST");
        using var urlEncoded = new CheckoutCallContext(operation).UrlEncoded().Field("a", null).CreateRequest(null);
        using var multipart = new CheckoutCallContext(operation).Multipart().Field("a", null).CreateRequest(null);
        using var none = new CheckoutCallContext(operation).CreateRequest(null);

        var form = urlEncoded.Content is null ? null : await urlEncoded.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(urlEncoded.Content?.Headers.ContentType?.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(form, Is.Empty);
            Assert.That(multipart.Content?.Headers.ContentType?.MediaType, Is.EqualTo("multipart/form-data"));
            Assert.That(none.Content, Is.Null);
        });
    }

    [Test]
    public void RequiredValues_NullFailsTheCallForTheCSharpParameter_WhenTheRequestIsCreated()
    {
        var operation = CheckoutOperationCatalog.All[0];

        Assert.Multiple(() =>
        {
            Assert.That(() => new CheckoutCallContext(operation).Query("reference", null, "reference").CreateRequest(null), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("reference"));
            Assert.That(() => new CheckoutCallContext(operation).Json(null, "application/json", "body").CreateRequest(null), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("body"));
            Assert.That(() => new CheckoutCallContext(operation).Field("purpose", null, "purpose").Header("h", null, "h").CreateRequest(null), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("purpose"), "the first failure is the one thrown");
        });
    }

    [Test]
    public void GeneratedMethod_RequiredArgumentNull_FailsTheReturnedTask_AndSendsNothing()
    {
        using var mock = new StrictMockHttp();
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var task = factory.Create<IPaymentsClient>().GetPaymentDetailsAsync(null!);

        Assert.Multiple(() =>
        {
            Assert.That(task.IsFaulted, Is.True, "the error travels in the task, as every other error of the call");
            Assert.That(task.Exception?.InnerException, Is.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("id"));
            Assert.That(mock.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task Values_ListsSendOneValueEach_BytesAsBase64_MapsAsJson()
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "POST");
        using var request = new CheckoutCallContext(operation)
            .Header("X-List", new[] { "a", "b" })
            .Query("bytes", new byte[] { 1, 2, 3 })
            .Multipart()
            .Field("map", new System.Collections.Generic.Dictionary<string, string> { ["k"] = "v" })
            .Field("items", new[] { "x", null, "y" })
            .CreateRequest(null);
        var multipart = (MultipartFormDataContent)request.Content!;
        var parts = await Task.WhenAll(multipart.Select(async p => (p.Headers.ContentDisposition!.Name!.Trim((char)34), await p.ReadAsStringAsync())));

        Assert.Multiple(() =>
        {
            Assert.That(request.Headers.GetValues("X-List"), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(parts, Is.EqualTo(new[] { ("map", "{\"k\":\"v\"}"), ("items", "x"), ("items", "y") }));
        });
        Assert.That(new CheckoutCallContext(operation).Query("bytes", new byte[] { 1, 2, 3 }).Target(), Does.EndWith("?bytes=AQID"));
    }

    [Test]
    public void Endpoint_ReadsADocumentedErrorAsItsType_AndAnUndocumentedStatusAsUndocumented()
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "GET" && !o.PathTemplate.Contains('{'));
        var endpoint = CheckoutEndpoint.Empty(operation.Id, null).Error<ErrorBody>(422, "Invalid data was sent");
        using var http = new HttpClient(new Recorder(HttpStatusCode.UnprocessableEntity, "{\"error_type\":\"request_invalid\"}")) { BaseAddress = new Uri("https://local.example/") };
        using var other = new HttpClient(new Recorder(HttpStatusCode.Conflict, "{}")) { BaseAddress = new Uri("https://local.example/") };

        var typed = Assert.ThrowsAsync<CheckoutApiException<ErrorBody>>(() => new CheckoutInvoker(http).SendAsync(new CheckoutCallContext(operation), endpoint, CancellationToken.None))!;
        var undocumented = Assert.ThrowsAsync<CheckoutApiException>(() => new CheckoutInvoker(other).SendAsync(new CheckoutCallContext(operation), endpoint, CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(typed.Result.ErrorType, Is.EqualTo("request_invalid"));
            Assert.That(undocumented.StatusCode, Is.EqualTo(409));
            Assert.That(undocumented.Message, Does.Contain("a status this operation does not document"));
        });
    }

    private sealed class ErrorBody
    {
        [Newtonsoft.Json.JsonProperty("error_type")]
        public string? ErrorType { get; set; }
    }

    private static string[] ParameterNames(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, "{([^}]+)}").Select(m => m.Groups[1].Value).ToArray();

    private sealed class Recorder : HttpMessageHandler
    {
        private readonly HttpStatusCode _status;
        private readonly string _body;

        public Recorder(HttpStatusCode status = HttpStatusCode.NoContent, string body = "")
        {
            _status = status;
            _body = body;
        }

        public Uri? Seen { get; private set; }

        public string? Accept { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request.RequestUri;
            Accept = request.Headers.TryGetValues("Accept", out var accept) ? string.Join(",", accept) : null;
            return Task.FromResult(new HttpResponseMessage(_status) { Content = new StringContent(_body), RequestMessage = request });
        }
    }
}
