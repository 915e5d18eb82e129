using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class CheckoutOptionsValidatorTests
{
    private static IEnumerable<TestCaseData> BadConfigurations()
    {
        yield return Case("NoCredentials", o => o.SecretKey = null, "No Checkout.com credentials");
        yield return Case("UppercasePrefix", o => o.AccountPrefix = "VKUHVK4V", "AccountPrefix 'VKUHVK4V' must be exactly 8 lowercase letters and digits");
        yield return Case("PrefixWithDot", o => o.AccountPrefix = "vkuh.vk4v", "must be exactly 8 lowercase letters and digits");
        yield return Case("ShortPrefix", o => o.AccountPrefix = "ab", "AccountPrefix 'ab' must be exactly 8 lowercase letters and digits");
        yield return Case("OneLetterPrefix", o => o.AccountPrefix = "v", "AccountPrefix 'v' must be exactly 8");
        yield return Case("LongPrefix", o => o.AccountPrefix = "vkuhvk4vx", "AccountPrefix 'vkuhvk4vx' must be exactly 8");
        yield return Case("ShortPrivateLinkPrefix", o => o.AccountPrefix = "pl-vkuh", "AccountPrefix 'pl-vkuh' must be exactly 8");
        yield return Case("HttpTokenEndpointNotLoopback", o => o.TokenEndpoint = new Uri("http://auth.example.com/connect/token"), "TokenEndpoint uses http:// to auth.example.com: the access key secret would travel in clear text; use https://");
        yield return Case("HttpBaseAddressNotLoopback", o => o.BaseAddresses["api"] = new Uri("http://proxy.example.com/"), "BaseAddresses:api uses http:// to proxy.example.com: credentials would travel in clear text; use https://");
        if (TestPlatform.IsCurrent) yield return Case("PrefixMissing", o => o.AccountPrefix = null, "AccountPrefix is missing");
        var otherSandbox = TestPlatform.IsCurrent ? "sk_test_" : "sk_sbox_";
        yield return Case("OtherPlatformsSandboxKey", o => o.SecretKey = otherSandbox + "m73dzbpy7cf3gfd46xr4yj5xo4e", $"SecretKey is a sandbox key of the other platform ('{otherSandbox}…')");
        if (!TestPlatform.HasOAuth) yield return Case("AccessKeyOnAPlatformWithoutOAuth", o => { o.AccessKeyId = AuthFixture.AccessKeyId; o.AccessKeySecret = AuthFixture.AccessKeySecret; }, "OAuth access keys, which this client's spec (previous platform (ABC)) does not accept");
        yield return Case("MalformedClientId", o => { o.AccountPrefix = null; o.ClientId = "client-vkuhvk4v"; }, "ClientId must be the account's client id");
        yield return Case("SandboxSecretKeyInProduction", o => o.Environment = CheckoutEnvironment.Production, "SecretKey is a sandbox key but Checkout:Environment is Production");
        yield return Case("ProductionSecretKeyInSandbox", o => o.SecretKey = AuthFixture.ProductionSecretKey, "SecretKey is a production key but Checkout:Environment is Sandbox");
        yield return Case("SandboxPublicKeyInProduction", o => { o.Environment = CheckoutEnvironment.Production; o.SecretKey = AuthFixture.ProductionSecretKey; o.PublicKey = AuthFixture.SandboxPublicKey; }, "PublicKey is a sandbox key");
        yield return Case("ProductionPublicKeyInSandbox", o => o.PublicKey = AuthFixture.ProductionPublicKey, "PublicKey is a production key");
        yield return Case("SecretKeyInPublicKeySlot", o => o.PublicKey = AuthFixture.SandboxSecretKey, "PublicKey holds a secret key");
        yield return Case("PublicKeyInSecretKeySlot", o => o.SecretKey = AuthFixture.SandboxPublicKey, "SecretKey holds a public key");
        yield return Case("AccessKeyWithoutSecret", o => o.AccessKeyId = AuthFixture.AccessKeyId, "AccessKeySecret is missing");
        yield return Case("AccessKeySecretWithoutId", o => o.AccessKeySecret = AuthFixture.AccessKeySecret, "AccessKeyId (ack_…) is missing");
        yield return Case("AccessKeyIdNotAck", o => { o.AccessKeyId = "cli_vkuhvk4vjn2e"; o.AccessKeySecret = AuthFixture.AccessKeySecret; }, "must be an access key id starting with 'ack_'");
        yield return Case("RelativeBaseAddress", o => o.BaseAddresses["api"] = new Uri("/local", UriKind.Relative), "BaseAddresses:api must be an absolute http(s) URL");
        yield return Case("UnknownHostKind", o => o.BaseAddresses["fles"] = new Uri("http://127.0.0.1:5089/"), "BaseAddresses:fles is not a host kind of this client's operations; use one of:");
        yield return Case("BaseAddressWithQuery", o => o.BaseAddresses["api"] = new Uri("http://127.0.0.1:5089/?tenant=1"), "BaseAddresses:api must be an absolute http(s) URL without user info, query or fragment");
        yield return Case("BaseAddressWithUserInfo", o => o.BaseAddresses["api"] = new Uri("https://user:pa55@127.0.0.1/"), "BaseAddresses:api must be an absolute http(s) URL without user info");
        yield return Case("TokenEndpointWithUserInfo", o => o.TokenEndpoint = new Uri("https://user:pa55@127.0.0.1/connect/token"), "TokenEndpoint must be an absolute http(s) URL without user info");
        yield return Case("NegativeMargin", o => o.TokenRefreshMargin = TimeSpan.FromSeconds(-1), "TokenRefreshMargin must not be negative");
        yield return Case("ScopeWithSpace", o => o.GrantedScopes.Add("Payment Context"), "contains a space");
    }

    private static TestCaseData Case(string name, Action<CheckoutOptions> breakIt, string expected) =>
        new TestCaseData(breakIt, expected).SetName($"CheckoutClientFactory_{name}_FailsBeforeAnyHttpCall");

    [TestCaseSource(nameof(BadConfigurations))]
    public void CheckoutClientFactory_BadConfiguration_FailsBeforeAnyHttpCall(Action<CheckoutOptions> breakIt, string expected)
    {
        var options = AuthFixture.SecretKey();
        breakIt(options);
        using var mock = new StrictMockHttp();

        var error = Assert.Throws<CheckoutConfigurationException>(() => new CheckoutClientFactory(options, mock))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain(expected));
            Assert.That(error, Is.InstanceOf<CheckoutException>());
            Assert.That(error.Message, Does.Not.Contain(AuthFixture.SandboxSecretKey).And.Not.Contain(AuthFixture.AccessKeySecret));
            Assert.That(mock.Calls, Is.Zero);
        });
    }

    [TestCaseSource(nameof(BadConfigurations))]
    public void AddCheckoutClient_BadConfiguration_FailsAtStartValidation(Action<CheckoutOptions> breakIt, string expected)
    {
        var services = new ServiceCollection();
        services.AddCheckoutClient(options =>
        {
            options.AccountPrefix = AuthFixture.Prefix;
            options.SecretKey = AuthFixture.SandboxSecretKey;
            breakIt(options);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(error.Message, Does.Contain(expected));
    }

    [TestCase("pl-vkuhvk4v")]
    [TestCase("vkuhvk4v")]
    public void CheckoutClientFactory_ValidPrefix_Succeeds(string prefix)
    {
        var options = AuthFixture.SecretKey();
        options.AccountPrefix = prefix;

        Assert.DoesNotThrow(() => new CheckoutClientFactory(options).Dispose());
    }

    [Test]
    public void CheckoutClientFactory_NoPrefixButAccountHostsOverridden_Succeeds()
    {
        var options = new CheckoutOptions { SecretKey = AuthFixture.SandboxSecretKey };
        options.BaseAddresses["api"] = new Uri("http://127.0.0.1:5089");
        options.BaseAddresses["access"] = new Uri("http://127.0.0.1:5089");

        Assert.DoesNotThrow(() => new CheckoutClientFactory(options).Dispose());
    }

    [Test]
    public void CheckoutClientFactory_AccountHostsOverriddenInCaseSensitiveDictionary_Succeeds()
    {
        var options = new CheckoutOptions
        {
            SecretKey = AuthFixture.SandboxSecretKey,
            BaseAddresses = new Dictionary<string, Uri>(StringComparer.Ordinal)
            {
                ["API"] = new Uri("http://127.0.0.1:5089/"),
                ["Access"] = new Uri("http://127.0.0.1:5089/"),
            },
        };

        Assert.DoesNotThrow(() => new CheckoutClientFactory(options).Dispose());
    }

    [Test]
    public void CheckoutClientFactory_BaseAddressWithUserInfo_FailsWithoutEchoingIt()
    {
        var options = AuthFixture.SecretKey();
        options.BaseAddresses["api"] = new Uri("https://proxyuser:pr0xy-pa55@127.0.0.1/");

        var error = Assert.Throws<CheckoutConfigurationException>(() => new CheckoutClientFactory(options))!;

        Assert.That(error.Message, Does.Contain("BaseAddresses:api").And.Not.Contain("pr0xy-pa55").And.Not.Contain("proxyuser"));
    }

    [TestCase("http://127.0.0.1:5089/")]
    [TestCase("http://localhost:5089/")]
    [TestCase("http://[::1]:5089/")]
    [TestCase("https://proxy.example.com/")]
    public void CheckoutClientFactory_HttpsOrLoopbackHttpAddresses_Succeeds(string url)
    {
        var options = AuthFixture.OAuth();
        options.BaseAddresses["api"] = new Uri(url);
        options.TokenEndpoint = new Uri(new Uri(url), "connect/token");

        Assert.DoesNotThrow(() => new CheckoutClientFactory(options).Dispose());
    }

    [Test]
    public void CheckoutClientFactory_TokenEndpointWithQuery_Succeeds()
    {
        var options = AuthFixture.OAuth();
        options.TokenEndpoint = new Uri("https://127.0.0.1:5089/connect/token?tenant=1");

        Assert.DoesNotThrow(() => new CheckoutClientFactory(options).Dispose());
    }

    [Test]
    public void CheckoutClientFactory_UnknownGrantedScope_LogsWarningNamingItAndSucceeds()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var options = AuthFixture.OAuth("gateway", "identity-verification-next");

        using var factory = new CheckoutClientFactory(options, loggerFactory: loggerFactory);

        var warnings = logs.Entries.Where(e => e.StartsWith("[Warning]", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.Contain("'identity-verification-next'"));
    }

    [Test]
    public void CheckoutClientFactory_ClientIdAndMismatchedPrefix_FailsNamingBoth()
    {
        var options = AuthFixture.SecretKey();
        options.AccountPrefix = "abcdefgh";
        options.ClientId = AuthFixture.ClientId;

        var error = Assert.Throws<CheckoutConfigurationException>(() => new CheckoutClientFactory(options))!;

        Assert.That(error.Message, Does.Contain("AccountPrefix does not match Checkout:ClientId"));
    }
}
