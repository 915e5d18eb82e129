using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated;

/// <summary>The <see cref="CheckoutOptions"/> are invalid; each failure says what to fix.</summary>
/// <remarks>Dependency injection reports the same failures as <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> at start-up.</remarks>
public sealed class CheckoutConfigurationException : CheckoutException
{
    /// <summary>Creates the exception from the validation failures.</summary>
    public CheckoutConfigurationException(IEnumerable<string> failures)
        : this((failures ?? throw new ArgumentNullException(nameof(failures))).ToArray())
    {
    }

    private CheckoutConfigurationException(string[] failures)
        : base(string.Join("; ", failures), null)
    {
        Failures = failures;
    }

    /// <summary>Every problem found, each saying what to fix.</summary>
    public IReadOnlyList<string> Failures { get; }
}
