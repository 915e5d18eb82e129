using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Auth;

/// <summary>Several Checkout accounts in one app: named registrations resolved as keyed services.</summary>
[TestFixture]
[Category("Auth")]
public sealed class KeyedClientTests
{
    /// <summary>These accounts authenticate with OAuth access keys, which a spec without OAuth (ABC) does not accept.</summary>
    [SetUp]
    public void RequireOAuth() => Checkout.Generated.Tests.Releases.TestPlatform.RequireOAuth();

    private const string EuPrefix = "eu7prfx1";
    private const string UsPrefix = "us7prfx2";

    private static void Account(CheckoutOptions options, string prefix, string keyId)
    {
        options.AccountPrefix = prefix;
        options.AccessKeyId = keyId;
        options.AccessKeySecret = "secret-of-" + keyId;
    }

    private static MockedRequest Token(StrictMockHttp mock, string prefix, string keyId, string token) =>
        mock.When(HttpMethod.Post, $"https://{prefix}.access.sandbox.checkout.com/connect/token")
            .WithHeaders("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:secret-of-{keyId}")))
            .Respond("application/json", AuthFixture.TokenJson(token));

    private static MockedRequest Payment(StrictMockHttp mock, string prefix, string token) =>
        mock.When($"https://{prefix}.api.sandbox.checkout.com/payments/pay_1").WithHeaders("Authorization", "Bearer " + token).Respond("application/json", "{\"id\":\"pay_1\"}");

    [Test]
    public async Task AddCheckoutClient_TwoNamedAccounts_EachKeyedClientUsesItsOwnPrefixKeyAndToken()
    {
        using var mock = new StrictMockHttp();
        var (euToken, usToken) = (Token(mock, EuPrefix, "ack_eu", "token-eu"), Token(mock, UsPrefix, "ack_us", "token-us"));
        var (euPayment, usPayment) = (Payment(mock, EuPrefix, "token-eu"), Payment(mock, UsPrefix, "token-us"));
        var services = new ServiceCollection();
        services.AddCheckoutClient("eu", o => Account(o, EuPrefix, "ack_eu")).ConfigurePrimaryHttpMessageHandler(() => mock);
        services.AddCheckoutClient("us", o => Account(o, UsPrefix, "ack_us")).ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var eu = provider.GetRequiredKeyedService<ICheckoutClient>("eu");
        var us = provider.GetRequiredKeyedService<IPaymentsClient>("us");
        await eu.Payments.GetPaymentDetailsAsync("pay_1");
        await us.GetPaymentDetailsAsync("pay_1");
        await eu.Payments.GetPaymentDetailsAsync("pay_1");

        Assert.Multiple(() =>
        {
            Assert.That((mock.GetMatchCount(euToken), mock.GetMatchCount(usToken)), Is.EqualTo((1, 1)), "one token per account, each with its own key");
            Assert.That((mock.GetMatchCount(euPayment), mock.GetMatchCount(usPayment)), Is.EqualTo((2, 1)), "each account's host and token");
            Assert.That(provider.GetService<ICheckoutClient>(), Is.Null, "no unnamed client was registered");
        });
    }

    [Test]
    public async Task AddCheckoutClient_NamedBesideUnnamed_TheUnnamedOneStaysAsItIs()
    {
        using var mock = new StrictMockHttp();
        var unnamedToken = mock.When(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri).WithHeaders("Authorization", "Basic " + AuthFixture.BasicCredential)
            .Respond("application/json", AuthFixture.TokenJson("token-default"));
        var euToken = Token(mock, EuPrefix, "ack_eu", "token-eu");
        var unnamedPayment = Payment(mock, AuthFixture.Prefix, "token-default");
        var euPayment = Payment(mock, EuPrefix, "token-eu");
        var services = new ServiceCollection();
        services.AddCheckoutClient(o => { o.AccountPrefix = AuthFixture.Prefix; o.AccessKeyId = AuthFixture.AccessKeyId; o.AccessKeySecret = AuthFixture.AccessKeySecret; })
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        services.AddCheckoutClient("eu", o => Account(o, EuPrefix, "ack_eu")).ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredService<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");
        await provider.GetRequiredKeyedService<IPaymentsClient>("eu").GetPaymentDetailsAsync("pay_1");

        Assert.That((mock.GetMatchCount(unnamedToken), mock.GetMatchCount(unnamedPayment), mock.GetMatchCount(euToken), mock.GetMatchCount(euPayment)), Is.EqualTo((1, 1, 1, 1)));
    }

    [Test]
    public void AddCheckoutClient_NamedAccountInvalid_FailsAtStartNamingWhatToFix()
    {
        var services = new ServiceCollection();
        services.AddCheckoutClient("eu", o => o.AccessKeyId = "ack_eu");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(error.OptionsName, Is.EqualTo("eu"));
        Assert.That(error.Message, Does.Contain("AccessKeySecret"));
    }

    [Test]
    public async Task CheckoutNamedClients_CreateByName_UsesThatAccount()
    {
        using var mock = new StrictMockHttp();
        var usToken = Token(mock, UsPrefix, "ack_us", "token-us");
        var usPayment = Payment(mock, UsPrefix, "token-us");
        var services = new ServiceCollection();
        services.AddCheckoutClient("eu", o => Account(o, EuPrefix, "ack_eu")).ConfigurePrimaryHttpMessageHandler(() => mock);
        services.AddCheckoutClient("us", o => Account(o, UsPrefix, "ack_us")).ConfigurePrimaryHttpMessageHandler(() => mock);
        services.AddCheckoutClient("us", o => Account(o, UsPrefix, "ack_us"));
        await using var provider = services.BuildServiceProvider();
        var accounts = provider.GetRequiredService<CheckoutNamedClients>();

        await accounts.Create<ICheckoutClient>("us").Payments.GetPaymentDetailsAsync("pay_1");
        var unknown = Assert.Throws<ArgumentException>(() => accounts.Create<IPaymentsClient>("apac"))!;

        Assert.That(accounts.Names, Is.EqualTo(new[] { "eu", "us" }), "registering a name twice registers it once");
        Assert.That((mock.GetMatchCount(usToken), mock.GetMatchCount(usPayment)), Is.EqualTo((1, 1)));
        Assert.That(unknown.Message, Does.Contain("registered: eu, us").And.Contain("AddCheckoutClient(\"apac\""));
    }

    [Test]
    public void AddCheckoutClient_EmptyName_ThrowsSayingHowToName()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddCheckoutClient(" ", o => { }))!;

        Assert.That(error.Message, Does.Contain("give each named Checkout client a name"));
    }

    [Test]
    public async Task AddCheckoutClient_Named_TagsItsSpansWithTheName()
    {
        using var mock = new StrictMockHttp();
        Token(mock, EuPrefix, "ack_eu", "token-eu");
        Payment(mock, EuPrefix, "token-eu");
        var services = new ServiceCollection();
        services.AddCheckoutClient("eu", o => Account(o, EuPrefix, "ack_eu")).ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == CheckoutDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        await provider.GetRequiredKeyedService<IPaymentsClient>("eu").GetPaymentDetailsAsync("pay_1");

        var call = spans.Single(a => a.Kind == ActivityKind.Client);
        Assert.That(call.GetTagItem("checkout.client"), Is.EqualTo("eu"));
    }
}
