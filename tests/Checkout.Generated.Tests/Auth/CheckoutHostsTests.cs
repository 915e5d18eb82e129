using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class CheckoutHostsTests
{
    private static IEnumerable<TestCaseData> EveryOperationInBothEnvironments() =>
        from operation in CheckoutOperationCatalog.All
        from environment in new[] { CheckoutEnvironment.Sandbox, CheckoutEnvironment.Production }
        select new TestCaseData(operation, environment).SetName($"Send_{operation.Id}_{environment}_GoesToItsHost");

    private static IEnumerable<string> HostKinds() => CheckoutOperationCatalog.All.Select(o => o.Host).Distinct();

    [TestCaseSource(nameof(EveryOperationInBothEnvironments))]
    public async Task Send_Operation_GoesToItsHostForTheEnvironment(CheckoutOperation operation, CheckoutEnvironment environment)
    {
        using var mock = new StrictMockHttp();
        var sandbox = environment == CheckoutEnvironment.Sandbox;
        var options = new CheckoutOptions
        {
            Environment = environment,
            AccountPrefix = AuthFixture.Prefix,
            AccessKeyId = TestPlatform.HasOAuth ? AuthFixture.AccessKeyId : null,
            AccessKeySecret = TestPlatform.HasOAuth ? AuthFixture.AccessKeySecret : null,
            SecretKey = sandbox ? AuthFixture.SandboxSecretKey : AuthFixture.ProductionSecretKey,
            PublicKey = sandbox ? AuthFixture.SandboxPublicKey : AuthFixture.ProductionPublicKey,
        };
        mock.When(HttpMethod.Post, AuthFixture.ExpectedBase("access", environment) + "connect/token")
            .Respond("application/json", AuthFixture.TokenJson("token-1"));
        var expected = mock.Expect(new HttpMethod(operation.Method), AuthFixture.ExpectedBase(operation.Host, environment) + AuthFixture.RelativePath(operation))
            .Respond(HttpStatusCode.OK);
        using var factory = new CheckoutClientFactory(options, mock);

        using var response = await factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation));

        Assert.That(mock.GetMatchCount(expected), Is.EqualTo(1));
    }

    [TestCaseSource(nameof(HostKinds))]
    public async Task Send_BaseAddressOverrideForHostKind_UsesOverrideUnderItsPath(string hostKind)
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Host == hostKind);
        using var mock = new StrictMockHttp();
        // Every kind of credential, so whichever the operation accepts in this spec release is there.
        var options = AuthFixture.OAuth();
        options.SecretKey = AuthFixture.SandboxSecretKey;
        options.PublicKey = AuthFixture.SandboxPublicKey;
        options.BaseAddresses[hostKind] = new Uri("http://127.0.0.1:5089/mock/" + hostKind);
        mock.When(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri).Respond("application/json", AuthFixture.TokenJson("token-1"));
        var expected = mock.Expect($"http://127.0.0.1:5089/mock/{hostKind}/{AuthFixture.RelativePath(operation)}").Respond(HttpStatusCode.OK);
        using var factory = new CheckoutClientFactory(options, mock);

        using var response = await factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation));

        Assert.That(mock.GetMatchCount(expected), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_DotSlashRelativePath_ResolvesWithoutDotSegment()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Host != "api" && o.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey));
        Assume.That(operation, Is.Not.Null, "the spec has no operation on another host");
        using var mock = new StrictMockHttp();
        var expected = mock.Expect(AuthFixture.ExpectedBase(operation!.Host, CheckoutEnvironment.Sandbox) + AuthFixture.RelativePath(operation)).Respond(HttpStatusCode.OK);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        using var response = await factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation, "./" + AuthFixture.RelativePath(operation)));

        Assert.That(mock.GetMatchCount(expected), Is.EqualTo(1));
    }

    [Test]
    public async Task UploadAFile_PlatformsUploadThroughTheClientPipeline_GoesToFilesHost()
    {
        var upload = CheckoutOperationCatalog.Find("uploadPlatformFile");
        Assume.That(upload?.Host, Is.EqualTo("files"), "this spec has no Platforms file upload on the files host");
        Assume.That(upload!.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey), Is.True, "this spec's file upload does not accept a secret key");
        using var mock = new StrictMockHttp();
        var expected = mock.Expect(HttpMethod.Post, "https://files.sandbox.checkout.com/files")
            .WithHeaders("Authorization", TestPlatform.KeyHeader(AuthFixture.SandboxSecretKey, CheckoutCredentialKinds.SecretKey))
            .Respond("application/json", "{\"id\":\"file_1\"}");
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        // Sent as the generated client tags it (its parameters differ between spec releases; the host does not).
        using var request = AuthFixture.RequestFor(upload, "./files");
        request.Content = new StringContent("{\"purpose\":\"identity_verification\",\"entity_id\":\"ent_1\"}", System.Text.Encoding.UTF8, "application/json");
        using var response = await factory.HttpClient.SendAsync(request);

        Assert.That(mock.GetMatchCount(expected), Is.EqualTo(1));
    }

    [TestCase(CheckoutEnvironment.Sandbox, "https://vkuhvk4v.access.sandbox.checkout.com/connect/token")]
    [TestCase(CheckoutEnvironment.Production, "https://vkuhvk4v.access.checkout.com/connect/token")]
    public async Task TokenRequest_Environment_GoesToAccountTokenUrl(CheckoutEnvironment environment, string tokenUrl)
    {
        using var mock = new StrictMockHttp();
        var token = mock.Expect(HttpMethod.Post, tokenUrl).Respond("application/json", AuthFixture.TokenJson("token-1"));
        mock.Expect(AuthFixture.ExpectedBase("api", environment) + "payments/pay_1").Respond("application/json", "{\"id\":\"pay_1\"}");
        var options = AuthFixture.OAuth();
        options.Environment = environment;
        using var factory = new CheckoutClientFactory(options, mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(token), Is.EqualTo(1));
    }

    [Test]
    public async Task TokenRequest_TokenEndpointOverride_GoesToOverride()
    {
        using var mock = new StrictMockHttp();
        var token = mock.Expect(HttpMethod.Post, "http://127.0.0.1:5089/oauth/token").Respond("application/json", AuthFixture.TokenJson("token-1"));
        mock.Expect(AuthFixture.SandboxApi + "payments/pay_1").Respond("application/json", "{\"id\":\"pay_1\"}");
        var options = AuthFixture.OAuth();
        options.TokenEndpoint = new Uri("http://127.0.0.1:5089/oauth/token");
        using var factory = new CheckoutClientFactory(options, mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(token), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_PrefixFromClientId_UsesFirstEightCharactersAfterCli()
    {
        TestPlatform.RequireAccountHosts();
        using var mock = new StrictMockHttp();
        var expected = mock.Expect(AuthFixture.SandboxApi + "payments/pay_1").Respond("application/json", "{\"id\":\"pay_1\"}");
        var options = new CheckoutOptions { ClientId = AuthFixture.ClientId, SecretKey = AuthFixture.SandboxSecretKey };
        using var factory = new CheckoutClientFactory(options, mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(expected), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_PrivateLinkPrefix_UsesItAsTheAccountLabel()
    {
        TestPlatform.RequireAccountHosts();
        using var mock = new StrictMockHttp();
        var expected = mock.Expect("https://pl-vkuhvk4v.api.checkout.com/payments/pay_1").Respond("application/json", "{\"id\":\"pay_1\"}");
        var options = new CheckoutOptions { Environment = CheckoutEnvironment.Production, AccountPrefix = "pl-vkuhvk4v", SecretKey = AuthFixture.ProductionSecretKey };
        using var factory = new CheckoutClientFactory(options, mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(expected), Is.EqualTo(1));
    }
}
