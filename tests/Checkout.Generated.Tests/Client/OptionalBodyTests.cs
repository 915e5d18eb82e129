using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Client;

/// <summary>A method whose every parameter is optional can be called with its defaults: an optional body may be left null.</summary>
[Category("Codegen")]
public class OptionalBodyTests
{
    private static readonly MethodInfo[] ClientMethods = typeof(CheckoutOperation).Assembly.GetExportedTypes()
        .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<CheckoutOperationAttribute>() is not null)
        .ToArray();

    /// <summary>The catalog operations whose client method can be called without arguments.</summary>
    public static IEnumerable<TestCaseData> CallableWithDefaults() =>
        from operation in CheckoutOperationCatalog.All
        from method in ClientMethods
        where method.GetCustomAttribute<CheckoutOperationAttribute>()!.OperationId == operation.Id
            && method.GetParameters().All(p => p.HasDefaultValue)
            && method.GetParameters().Any(p => p.Name == "body")
        select new TestCaseData(operation, method).SetArgDisplayNames(operation.Id);

    private static object?[] Defaults(MethodInfo method) =>
        method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : p.DefaultValue).ToArray();

    private static object ClientFor(CheckoutClientFactory factory, CheckoutOperation operation) =>
        typeof(ICheckoutClient).GetProperty(operation.Tag)!.GetValue(factory.Create<ICheckoutClient>())!;

    [Test]
    public void CallableWithDefaults_AreFound() =>
        Assert.That(CallableWithDefaults(), Is.Not.Empty, "the test below would check nothing");

    [TestCaseSource(nameof(CallableWithDefaults))]
    public async Task AnyOperation_OptionalBodyLeftNull_SendsTheRequest(CheckoutOperation operation, MethodInfo method)
    {
        var sent = new List<string>();
        HttpResponseMessage Record(HttpRequestMessage request, string body)
        {
            lock (sent) sent.Add(request.Method + " " + request.RequestUri!.AbsolutePath);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri).Respond(request => Record(request, AuthFixture.TokenJson("tok_1")));
        mock.When("*").Respond(request => Record(request, "{}"));
        var options = AuthFixture.OAuth();
        options.SecretKey = AuthFixture.SandboxSecretKey;
        options.PublicKey = AuthFixture.SandboxPublicKey;
        using var factory = new CheckoutClientFactory(options, mock);

        try
        {
            await (Task)method.Invoke(ClientFor(factory, operation), Defaults(method))!;
        }
        catch (CheckoutException e)
        {
            TestContext.Out.WriteLine($"{operation.Id}: {e.GetType().Name} (an answer, not an argument error)");
        }

        Assert.That(sent, Has.Member(operation.Method + " " + operation.PathTemplate), "the call was sent, not refused for its null body");
    }

    [Test]
    public async Task TokenOperation_CalledWithItsDefaults_AuthenticatesWithTheConfiguredAccessKeyAndReturnsTheToken()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST"
            && new Uri(new Uri(AuthFixture.ExpectedBase(o.Host, CheckoutEnvironment.Sandbox)), o.PathTemplate.TrimStart('/')) == AuthFixture.SandboxTokenUrl);
        if (operation is null) Assert.Ignore($"The spec ({CheckoutOperationCatalog.Spec}) has no operation at the OAuth token URL.");
        var method = ClientMethods.Single(m => m.GetCustomAttribute<CheckoutOperationAttribute>()!.OperationId == operation!.Id);
        using var mock = new StrictMockHttp();
        mock.Expect(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri)
            .WithHeaders("Authorization", "Basic " + AuthFixture.BasicCredential)
            .WithFormData("grant_type", "client_credentials")
            .Respond("application/json", AuthFixture.TokenJson("tok_1"));
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);

        var task = (Task)method.Invoke(ClientFor(factory, operation!), Defaults(method))!;
        await task;

        var result = task.GetType().GetProperty("Result")!.GetValue(task)!;
        mock.VerifyNoOutstandingExpectation();
        Assert.That(Newtonsoft.Json.Linq.JObject.FromObject(result)["access_token"]?.ToString(), Is.EqualTo("tok_1"));
    }
}
