using System;
using Microsoft.Extensions.Options;

namespace Checkout.Generated.AspNetCore.Internal;

/// <summary>Fails start-up on options the verifier would refuse, with its message.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<CheckoutWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckoutWebhookOptions options)
    {
        if (options.MaxBodyBytes <= 0) return ValidateOptionsResult.Fail("CheckoutWebhookOptions.MaxBodyBytes must be positive.");
        try
        {
            _ = new CheckoutWebhookVerifier(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
