using System;
using System.Threading.Tasks;
using Checkout.Generated;
using Checkout.Generated.QuickStart;
using Checkout.Generated.Testing;
using Microsoft.Extensions.DependencyInjection;

// With CHECKOUT_ACCESS_KEY_ID and CHECKOUT_ACCESS_KEY_SECRET set, the flow runs against the real sandbox;
// otherwise against the embedded local Checkout server (no credentials, no network).
var sandbox = SandboxCredentials.FromEnvironment();
CheckoutMockServer? server = null;
try
{
    var options = new CheckoutOptions();
    if (sandbox is null)
    {
        server = await CheckoutMockServer.StartAsync();
        server.Configure(options);
        Console.WriteLine($"Running against the embedded local Checkout server, account prefix '{options.AccountPrefix}' (set CHECKOUT_ACCESS_KEY_ID and CHECKOUT_ACCESS_KEY_SECRET for the sandbox).");
    }
    else
    {
        sandbox.ApplyTo(options);
        // Not a substring of the client id: it is not validated yet, and a short one would throw here instead of failing validation.
        var prefix = !string.IsNullOrWhiteSpace(options.AccountPrefix) ? options.AccountPrefix : !string.IsNullOrWhiteSpace(options.ClientId) ? "(from CHECKOUT_CLIENT_ID)" : "(none)";
        Console.WriteLine($"Running against the Checkout.com sandbox, account prefix '{prefix}'.");
    }

    var services = new ServiceCollection();
    services.AddCheckoutClient(o => Copy(options, o)).AddHttpMessageHandler(() => new CallPrinter(Console.Out));
    await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    var result = await new PaymentFlow(provider.GetRequiredService<ICheckoutClient>()).RunAsync(Console.Out);
    Console.WriteLine($"Done: payment {result.PaymentId} is {result.Status} ({result.ActionCount} actions).");
    return 0;
}
catch (Exception e) when (e is CheckoutException or PaymentFlowException or Microsoft.Extensions.Options.OptionsValidationException)
{
    // These messages name the status, error codes and request id; they never carry a secret, token or card number.
    Console.Error.WriteLine($"QuickStart failed: {e.GetType().Name}: {e.Message}");
    return 1;
}
finally
{
    if (server is not null) await server.DisposeAsync();
}

static void Copy(CheckoutOptions from, CheckoutOptions to)
{
    to.Environment = from.Environment;
    to.AccountPrefix = from.AccountPrefix;
    to.ClientId = from.ClientId;
    to.AccessKeyId = from.AccessKeyId;
    to.AccessKeySecret = from.AccessKeySecret;
    to.PublicKey = from.PublicKey;
    to.TokenEndpoint = from.TokenEndpoint;
    foreach (var pair in from.BaseAddresses) to.BaseAddresses[pair.Key] = pair.Value;
    foreach (var scope in from.GrantedScopes) to.GrantedScopes.Add(scope);
}
