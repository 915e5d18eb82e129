using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Checkout.Generated;

/// <summary>The <see cref="CheckoutOptions"/> are invalid; each failure says what to fix.</summary>
/// <remarks>Derives from <see cref="OptionsValidationException"/>, which dependency injection throws for the same failures.</remarks>
public sealed class CheckoutConfigurationException : OptionsValidationException
{
    /// <summary>Creates the exception from the validation failures.</summary>
    public CheckoutConfigurationException(IEnumerable<string> failures)
        : base(Microsoft.Extensions.Options.Options.DefaultName, typeof(CheckoutOptions), failures)
    {
    }
}
