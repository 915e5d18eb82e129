using System.Text;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>How the rules make names: PascalCase words, C# identifiers, free schema names.</summary>
internal static class Names
{
    private static readonly string[] Digits = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

    /// <summary><c>bank_account</c> → <c>BankAccount</c>; <c>Apple Pay</c> → <c>ApplePay</c>.</summary>
    public static string Pascal(string value)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c)) { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }

    /// <summary>A PascalCase C# identifier: leading digits are spelled (<c>3ds</c> → <c>ThreeDs</c>); nothing usable → <c>Default</c>.</summary>
    public static string Identifier(string text)
    {
        var pascal = Pascal(text);
        if (pascal.Length == 0) return "Default";
        var digits = 0;
        while (digits < pascal.Length && char.IsDigit(pascal[digits])) digits++;
        if (digits == 0) return pascal;
        var sb = new StringBuilder();
        for (var i = 0; i < digits; i++) sb.Append(Digits[pascal[i] - '0']);
        if (digits < pascal.Length) sb.Append(char.ToUpperInvariant(pascal[digits])).Append(pascal, digits + 1, pascal.Length - digits - 1);
        return sb.ToString();
    }

    /// <summary>
    /// The words of a camelCase or PascalCase identifier, characters unchanged: <c>requestAPaymentOrPayout</c> →
    /// <c>request A Payment Or Payout</c>; <c>getFXRates</c> → <c>get FX Rates</c>; <c>card3DS</c> → <c>card 3 DS</c>.
    /// </summary>
    public static IReadOnlyList<string> Words(string identifier)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i < identifier.Length; i++)
        {
            char previous = identifier[i - 1], c = identifier[i];
            var boundary = (char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous)))
                || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]))
                || (char.IsDigit(c) && char.IsLetter(previous))
                || (char.IsLetter(c) && !char.IsLetterOrDigit(previous))
                || (!char.IsLetterOrDigit(c) && char.IsLetterOrDigit(previous));
            if (!boundary) continue;
            words.Add(identifier[start..i]);
            start = i;
        }
        if (identifier.Length > 0) words.Add(identifier[start..]);
        return words.Where(w => w.Any(char.IsLetterOrDigit)).ToList();
    }

    /// <summary>The longest type name a rule composes; longer ones are shortened by <see cref="Composed"/>.</summary>
    public const int MaxTypeName = 60;

    /// <summary>
    /// A type name composed of an owner's name and a part of its own (<c>{Schema}{Property}</c>, <c>{Operation}Request</c>),
    /// shortened when over <see cref="MaxTypeName"/> characters by dropping words of the owner only, in three steps, each
    /// taken only while the name is still too long: (1) the role words <c>Request</c>/<c>Response</c> inside the owner
    /// (a nested type is neither), last first; (2) owner words repeating an earlier owner word, last first; (3) the owner's
    /// word nearest its middle, again and again. The owner's first word and the part are always kept, so the name still
    /// says where the type comes from and what it is; it depends only on the owner and the part (stable).
    /// </summary>
    public static string Composed(string owner, string part)
    {
        if (owner.Length + part.Length <= MaxTypeName) return owner + part;
        var words = Words(owner).ToList();
        bool Fits() => words.Sum(w => w.Length) + part.Length <= MaxTypeName;
        for (var i = words.Count - 1; i > 0 && !Fits(); i--)
        {
            if (words[i] is "Request" or "Response") words.RemoveAt(i);
        }
        for (var i = words.Count - 1; i > 0 && !Fits(); i--)
        {
            if (words.Take(i).Contains(words[i], StringComparer.Ordinal)) words.RemoveAt(i);
        }
        while (!Fits() && words.Count > 2) words.RemoveAt(words.Count / 2);
        return string.Concat(words) + part;
    }

    /// <summary>A schema name not yet used: <paramref name="wanted"/>, else with 2, 3, … appended.</summary>
    public static string FreeSchemaName(JObject schemas, string wanted)
    {
        var name = wanted;
        for (var i = 2; schemas[name] is not null; i++) name = wanted + i;
        return name;
    }
}
