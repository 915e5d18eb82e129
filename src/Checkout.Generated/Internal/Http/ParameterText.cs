using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace Checkout.Generated.Internal;

/// <summary>How a path, query, header or form value is written: the text Checkout.com expects, culture-invariant.</summary>
internal static class ParameterText
{
    /// <summary>
    /// A string as it is; a value type (<c>PaymentStatus</c>) as its value; <c>true</c>/<c>false</c>; an instant in ISO 8601
    /// round-trip form; a number with invariant digits; a C# enum by its <c>EnumMember</c> name; bytes as base64.
    /// </summary>
    public static string Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset instant => instant.ToString("o", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("o", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        Enum member => EnumText(member),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Whether the value is a list of values (one query pair, header value or form part each): not a string, bytes or a map.</summary>
    public static bool IsList(object value) => value is IEnumerable and not string and not byte[] and not IDictionary;

    /// <summary>The value's text, or each item's text for a list (null items left out).</summary>
    public static IEnumerable<string> Values(object value)
    {
        if (!IsList(value))
        {
            yield return Format(value);
            yield break;
        }
        foreach (var item in (IEnumerable)value)
        {
            if (item is not null) yield return Format(item);
        }
    }

    /// <summary>Whether the value is written as text (a multipart field part) rather than as JSON (an object part).</summary>
    public static bool IsScalar(object value) => value is string or IFormattable or bool or byte[] || value.GetType().IsValueType;

    private static string EnumText(Enum member)
    {
        var name = member.ToString();
        var field = member.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? name;
    }
}
