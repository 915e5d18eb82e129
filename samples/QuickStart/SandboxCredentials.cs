using System;
using System.Linq;

namespace Checkout.Generated.QuickStart;

/// <summary>Sandbox credentials from the environment: CHECKOUT_ACCESS_KEY_ID, CHECKOUT_ACCESS_KEY_SECRET, CHECKOUT_ACCOUNT_PREFIX or CHECKOUT_CLIENT_ID, optional CHECKOUT_SCOPES.</summary>
internal sealed class SandboxCredentials
{
    private SandboxCredentials(string id, string secret)
    {
        AccessKeyId = id;
        AccessKeySecret = secret;
    }

    public string AccessKeyId { get; }

    public string AccessKeySecret { get; }

    public static SandboxCredentials? FromEnvironment()
    {
        var id = Environment.GetEnvironmentVariable("CHECKOUT_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("CHECKOUT_ACCESS_KEY_SECRET");
        return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret) ? null : new SandboxCredentials(id.Trim(), secret.Trim());
    }

    public void ApplyTo(CheckoutOptions options)
    {
        options.Environment = CheckoutEnvironment.Sandbox;
        options.AccessKeyId = AccessKeyId;
        options.AccessKeySecret = AccessKeySecret;
        options.AccountPrefix = Environment.GetEnvironmentVariable("CHECKOUT_ACCOUNT_PREFIX");
        options.ClientId = Environment.GetEnvironmentVariable("CHECKOUT_CLIENT_ID");
        var scopes = Environment.GetEnvironmentVariable("CHECKOUT_SCOPES");
        foreach (var scope in (scopes ?? "").Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries).Distinct()) options.GrantedScopes.Add(scope);
    }
}
