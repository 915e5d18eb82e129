using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class CheckoutServiceCollectionExtensionsTests
{
    [Test]
    public void AddCheckoutClient_Configured_ResolvesAClientForEveryCatalogTag()
    {
        var services = new ServiceCollection();
        services.AddCheckoutClient(o => { o.AccountPrefix = AuthFixture.Prefix; o.SecretKey = AuthFixture.SandboxSecretKey; });
        using var provider = services.BuildServiceProvider();
        var assembly = typeof(CheckoutOperation).Assembly;

        Assert.Multiple(() =>
        {
            foreach (var tag in CheckoutOperationCatalog.All.Select(o => o.Tag).Distinct())
            {
                var contract = assembly.GetType($"Checkout.Generated.I{tag}Client");
                var implementation = assembly.GetType($"Checkout.Generated.{tag}Client");
                Assert.That(contract, Is.Not.Null, tag);
                Assert.That(provider.GetService(contract!), Is.InstanceOf(implementation!), tag);
            }
        });
    }

    [Test]
    public void AddCheckoutClient_Configured_ResolvesICheckoutClientWithAPropertyPerCatalogTag()
    {
        var services = new ServiceCollection();
        services.AddCheckoutClient(o => { o.AccountPrefix = AuthFixture.Prefix; o.SecretKey = AuthFixture.SandboxSecretKey; });
        using var provider = services.BuildServiceProvider();

        var checkout = provider.GetRequiredService<ICheckoutClient>();

        var tags = CheckoutOperationCatalog.All.Select(o => o.Tag).Distinct().ToList();
        Assert.That(typeof(ICheckoutClient).GetProperties().Select(p => p.Name), Is.EquivalentTo(tags));
        Assert.Multiple(() =>
        {
            foreach (var property in typeof(ICheckoutClient).GetProperties())
            {
                Assert.That(property.PropertyType.Name, Is.EqualTo($"I{property.Name}Client"), property.Name);
                var first = property.GetValue(checkout);
                Assert.That(first, Is.InstanceOf(property.PropertyType), property.Name);
                Assert.That(property.GetValue(checkout), Is.SameAs(first), property.Name + " is created once per ICheckoutClient");
            }
        });
    }

    [Test]
    public async Task AddCheckoutClient_ConfigurationSection_SendsThroughFactoryPipelineWithOAuth()
    {
        TestPlatform.RequireOAuth();
        using var mock = new StrictMockHttp();
        var token = mock.Expect(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri).Respond("application/json", AuthFixture.TokenJson("token-1"));
        var api = mock.Expect(AuthFixture.SandboxApi + "payments/pay_1").WithHeaders("Authorization", "Bearer token-1")
            .Respond("application/json", "{\"id\":\"pay_1\"}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string?>("Checkout:ClientId", AuthFixture.ClientId),
            new System.Collections.Generic.KeyValuePair<string, string?>("Checkout:AccessKeyId", AuthFixture.AccessKeyId),
            new System.Collections.Generic.KeyValuePair<string, string?>("Checkout:AccessKeySecret", AuthFixture.AccessKeySecret),
        }).Build();
        var services = new ServiceCollection();
        services.AddCheckoutClient(configuration.GetSection("Checkout")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var payment = await provider.GetRequiredService<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That((payment.Id, mock.GetMatchCount(token), mock.GetMatchCount(api)), Is.EqualTo(("pay_1", 1, 1)));
    }

    [Test]
    public void AddCheckoutClient_CalledTwice_RegistersTheHandlerOnce()
    {
        var services = new ServiceCollection();
        var first = services.AddCheckoutClient(o => o.SecretKey = AuthFixture.SandboxSecretKey);
        using (var provider = services.BuildServiceProvider())
        {
            var once = Actions(provider);
            var second = services.AddCheckoutClient(o => o.AccountPrefix = AuthFixture.Prefix);
            using var provider2 = services.BuildServiceProvider();

            Assert.Multiple(() =>
            {
                Assert.That(Actions(provider2), Is.EqualTo(once));
                Assert.That((first.Name, second.Name), Is.EqualTo((CheckoutServiceCollectionExtensions.HttpClientName, CheckoutServiceCollectionExtensions.HttpClientName)));
                Assert.That(provider2.GetRequiredService<IOptions<CheckoutOptions>>().Value.AccountPrefix, Is.EqualTo(AuthFixture.Prefix), "both configurations apply");
            });
        }

        static int Actions(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>()
            .Get(CheckoutServiceCollectionExtensions.HttpClientName).HttpMessageHandlerBuilderActions.Count;
    }

    [Test]
    public void AddCheckoutClient_NullArguments_ThrowArgumentNullException()
    {
        var services = new ServiceCollection();

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => CheckoutServiceCollectionExtensions.AddCheckoutClient(null!, o => { }));
            Assert.Throws<ArgumentNullException>(() => services.AddCheckoutClient((Action<CheckoutOptions>)null!));
            Assert.Throws<ArgumentNullException>(() => services.AddCheckoutClient((IConfiguration)null!));
        });
    }

    [Test]
    public async Task AddCheckoutClient_TimeProviderRegistered_UsesItForTokenExpiry()
    {
        TestPlatform.RequireOAuth();
        var time = new FakeTimeProvider();
        using var mock = new StrictMockHttp();
        var token = mock.When(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri).Respond("application/json", AuthFixture.TokenJson("token-1", expiresIn: 600));
        mock.When(AuthFixture.SandboxApi + "payments/pay_1").Respond("application/json", "{\"id\":\"pay_1\"}");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddCheckoutClient(o =>
        {
            o.AccountPrefix = AuthFixture.Prefix;
            o.AccessKeyId = AuthFixture.AccessKeyId;
            o.AccessKeySecret = AuthFixture.AccessKeySecret;
        }).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();
        var payments = provider.GetRequiredService<IPaymentsClient>();

        await payments.GetPaymentDetailsAsync("pay_1");
        time.Advance(TimeSpan.FromSeconds(541));
        await payments.GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(token), Is.EqualTo(2));
    }
}
