using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Replaces any card-number-shaped value (Luhn-valid, 13–19 digits) that is not one of Checkout's test cards.</summary>
internal static class TestCardGuard
{
    /// <summary>Checkout.com's documented sandbox test cards that approve (examples keep them; any other card number is replaced).</summary>
    public static readonly IReadOnlyCollection<string> TestCards = new HashSet<string>(StringComparer.Ordinal)
    {
        CheckoutTestCards.ApprovedVisa, CheckoutTestCards.ApprovedVisa2, CheckoutTestCards.ApprovedMastercard, CheckoutTestCards.ApprovedAmex,
    };

    public const string Replacement = CheckoutTestCards.ApprovedVisa;

    public static void Scrub(JToken token)
    {
        foreach (var value in (token is JContainer c ? c.DescendantsAndSelf() : new[] { token }).OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
        {
            var text = (string)value!;
            if (LooksLikeCardNumber(text) && !TestCards.Contains(Digits(text))) value.Value = Replacement;
        }
    }

    public static bool LooksLikeCardNumber(string text)
    {
        if (text.Any(c => !char.IsDigit(c) && c != ' ' && c != '-')) return false;
        var digits = Digits(text);
        return digits.Length is >= 13 and <= 19 && Luhn(digits);
    }

    private static string Digits(string text) => new(text.Where(char.IsDigit).ToArray());

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }

        return sum % 10 == 0;
    }
}
