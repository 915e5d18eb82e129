using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

/// <summary>Shared test credentials (fake, shaped like real ones), options and requests.</summary>
internal static class AuthFixture
{
    public const string Prefix = "vkuhvk4v";
    public const string ClientId = "cli_vkuhvk4vjn2edkdmvmbuqfl5xa";
    public const string AccessKeyId = "ack_pmxzd7fjnbhu3lp2oijsuvanpm";
    public const string AccessKeySecret = "Xq9-s3cr3t-v4lu3-Zk27pWm";
    public static readonly string SandboxSecretKey = "sk" + TestPlatform.SandboxMarker + "m73dzbpy7cf3gfd46xr4yj5xo4e";
    public const string ProductionSecretKey = "sk_3ej4q7t2bnqsmmc6f7xgk5dkwe7";
    public static readonly string SandboxPublicKey = "pk" + TestPlatform.SandboxMarker + "pkhpdtvmkgf7hdgpwnbhw7r2uic";
    public const string ProductionPublicKey = "pk_q4ut2ljs6mhlvbhvnqvmaxofkaq";

    /// <summary>The sandbox <c>api</c> base URL of this release's platform (with the account prefix where it has one).</summary>
    public static string SandboxApi => ExpectedBase("api", CheckoutEnvironment.Sandbox);

    public static readonly Uri SandboxTokenUrl = new("https://vkuhvk4v.access.sandbox.checkout.com/connect/token");

    /// <summary>The HTTP Basic credential IdentityModel sends for the access key.</summary>
    public static string BasicCredential => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccessKeyId}:{AccessKeySecret}"));

    /// <summary>OAuth options; skips the test on a release without OAuth.</summary>
    public static CheckoutOptions OAuth(params string[] granted)
    {
        TestPlatform.RequireOAuth();
        return OAuthOptions(granted);
    }

    private static CheckoutOptions OAuthOptions(string[] granted) => new()
    {
        AccountPrefix = Prefix,
        AccessKeyId = AccessKeyId,
        AccessKeySecret = AccessKeySecret,
        GrantedScopes = granted.ToList(),
    };

    /// <summary>The options with the built-in retries kept but their waits removed, so a test of retries takes no time.</summary>
    public static CheckoutOptions WithoutRetryWaits(this CheckoutOptions options)
    {
        options.Resilience.BaseDelay = TimeSpan.Zero;
        options.Resilience.MaxDelay = TimeSpan.Zero;
        return options;
    }

    public static CheckoutOptions SecretKey() => new() { AccountPrefix = TestPlatform.Prefix(Prefix), SecretKey = SandboxSecretKey };

    public static string TokenJson(string accessToken, int expiresIn = 3600) =>
        $"{{\"access_token\":\"{accessToken}\",\"token_type\":\"Bearer\",\"expires_in\":{expiresIn}}}";

    /// <summary>The path a generated client would send for the operation, with every parameter filled.</summary>
    public static string RelativePath(CheckoutOperation operation) =>
        Regex.Replace(operation.PathTemplate.TrimStart('/'), "{[^}]+}", "id_1");

    /// <summary>A request tagged with the operation, as a generated client makes it.</summary>
    public static HttpRequestMessage RequestFor(CheckoutOperation operation, string? relativePath = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(relativePath ?? RelativePath(operation), UriKind.Relative));
        CheckoutOperationCatalog.Tag(request, operation);
        return request;
    }

    /// <summary>The base URL the issue specifies for a host kind, written out independently of the library.</summary>
    public static string ExpectedBase(string hostKind, CheckoutEnvironment environment, string prefix = Prefix)
    {
        var domain = environment == CheckoutEnvironment.Production ? "checkout.com" : "sandbox.checkout.com";
        return hostKind is "api" or "access" && TestPlatform.IsCurrent ? $"https://{prefix}.{hostKind}.{domain}/" : $"https://{hostKind}.{domain}/";
    }
}
