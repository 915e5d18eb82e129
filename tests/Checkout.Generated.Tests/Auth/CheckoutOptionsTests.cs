using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class CheckoutOptionsTests
{
    [Test]
    public void ToString_AllSecretsSet_RedactsThem()
    {
        var options = AuthFixture.OAuth("gateway");
        options.SecretKey = AuthFixture.SandboxSecretKey;
        options.PublicKey = AuthFixture.SandboxPublicKey;

        var text = options.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(AuthFixture.AccessKeySecret));
            Assert.That(text, Does.Not.Contain(AuthFixture.SandboxSecretKey));
            Assert.That(text, Does.Not.Contain(AuthFixture.SandboxPublicKey));
            Assert.That(text, Does.Contain("sk_sbox_***").And.Contain("AccessKeySecret = ***").And.Contain(AuthFixture.Prefix));
        });
    }

    [Test]
    public void ToString_UrlsWithUserInfo_RedactsTheUserInfo()
    {
        var options = AuthFixture.SecretKey();
        options.BaseAddresses["api"] = new Uri("https://proxyuser:pr0xy-pa55@proxy.example/checkout/");
        options.TokenEndpoint = new Uri("https://tokenuser:t0ken-pa55@proxy.example/connect/token");

        var text = options.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("pr0xy-pa55").And.Not.Contain("proxyuser").And.Not.Contain("t0ken-pa55"));
            Assert.That(text, Does.Contain("api=https://***@proxy.example/checkout/").And.Contain("TokenEndpoint = https://***@proxy.example/connect/token"));
        });
    }

    [Test]
    public void AddCheckoutClient_ConfigurationSection_BindsEveryOption()
    {
        TestPlatform.RequireOAuth();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Checkout:Environment"] = "Production",
            ["Checkout:AccountPrefix"] = "pl-vkuhvk4v",
            ["Checkout:ClientId"] = AuthFixture.ClientId,
            ["Checkout:AccessKeyId"] = AuthFixture.AccessKeyId,
            ["Checkout:AccessKeySecret"] = AuthFixture.AccessKeySecret,
            ["Checkout:GrantedScopes:0"] = "gateway",
            ["Checkout:GrantedScopes:1"] = "vault:instruments",
            ["Checkout:SecretKey"] = AuthFixture.ProductionSecretKey,
            ["Checkout:PublicKey"] = AuthFixture.ProductionPublicKey,
            ["Checkout:TokenEndpoint"] = "http://127.0.0.1:5089/connect/token",
            ["Checkout:BaseAddresses:files"] = "http://127.0.0.1:5089/files-host/",
            ["Checkout:TokenRefreshMargin"] = "00:02:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddCheckoutClient(configuration.GetSection(CheckoutOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CheckoutOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Environment, Is.EqualTo(CheckoutEnvironment.Production));
            Assert.That(options.AccountPrefix, Is.EqualTo("pl-vkuhvk4v"));
            Assert.That(options.ClientId, Is.EqualTo(AuthFixture.ClientId));
            Assert.That(options.AccessKeyId, Is.EqualTo(AuthFixture.AccessKeyId));
            Assert.That(options.AccessKeySecret, Is.EqualTo(AuthFixture.AccessKeySecret));
            Assert.That(options.GrantedScopes, Is.EqualTo(new[] { "gateway", "vault:instruments" }));
            Assert.That(options.SecretKey, Is.EqualTo(AuthFixture.ProductionSecretKey));
            Assert.That(options.PublicKey, Is.EqualTo(AuthFixture.ProductionPublicKey));
            Assert.That(options.TokenEndpoint, Is.EqualTo(new Uri("http://127.0.0.1:5089/connect/token")));
            Assert.That(options.BaseAddresses["files"], Is.EqualTo(new Uri("http://127.0.0.1:5089/files-host/")));
            Assert.That(options.TokenRefreshMargin, Is.EqualTo(TimeSpan.FromMinutes(2)));
        });
    }
}
