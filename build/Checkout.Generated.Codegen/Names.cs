using System.Text;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>How the rules make names: PascalCase words, C# identifiers, free schema names.</summary>
internal static class Names
{
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

    /// <summary>A PascalCase C# identifier: <c>3ds</c> → <c>_3ds</c>; nothing usable → <c>Default</c>.</summary>
    public static string Identifier(string text)
    {
        var pascal = Pascal(text);
        if (pascal.Length == 0) return "Default";
        return char.IsDigit(pascal[0]) ? "_" + pascal : pascal;
    }

    /// <summary>A schema name not yet used: <paramref name="wanted"/>, else with 2, 3, … appended.</summary>
    public static string FreeSchemaName(JObject schemas, string wanted)
    {
        var name = wanted;
        for (var i = 2; schemas[name] is not null; i++) name = wanted + i;
        return name;
    }
}
