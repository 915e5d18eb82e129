using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Models;

/// <summary>
/// An exact JSON comparison: every string, number token and property as written, in any property order. The one
/// allowance: two timestamps are equal when they name the same instant with the same offset (<c>Z</c> = <c>+00:00</c>,
/// no offset = UTC, trailing zeros of the fraction), which is all a <see cref="DateTimeOffset"/> can hold; and an explicit
/// <c>null</c> is the field left out (a model cannot tell them apart, and Checkout means the same by both).
/// </summary>
internal static class StrictJson
{
    /// <summary>JSON text as tokens: strings stay strings, numbers keep their digits.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    public static List<string> Differences(JToken expected, JToken actual)
    {
        var differences = new List<string>();
        Walk("$", expected, actual, differences);
        return differences;
    }

    private static void Walk(string path, JToken? expected, JToken? actual, List<string> differences)
    {
        if (expected?.Type == JTokenType.Null) expected = null;
        if (actual?.Type == JTokenType.Null) actual = null;
        switch (expected)
        {
            case null when actual is null:
                return;
            case null:
                differences.Add($"added at {path}: {actual!.ToString(Formatting.None)}");
                return;
            case JObject e when actual is JObject a:
                foreach (var name in e.Properties().Select(p => p.Name).Union(a.Properties().Select(p => p.Name)))
                {
                    Walk(path + "." + name, e.Property(name)?.Value, a.Property(name)?.Value, differences);
                }
                return;
            case JArray e when actual is JArray a:
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++) Walk($"{path}[{i}]", i < e.Count ? e[i] : null, i < a.Count ? a[i] : null, differences);
                return;
        }
        if (actual is null) differences.Add($"lost at {path}: {expected.ToString(Formatting.None)}");
        else if (!ScalarEquals(expected, actual)) differences.Add($"changed at {path}: {expected.ToString(Formatting.None)} → {actual.ToString(Formatting.None)}");
    }

    private static bool ScalarEquals(JToken expected, JToken actual)
    {
        if (expected.Type != actual.Type) return false;
        var e = expected.ToString(Formatting.None);
        var a = actual.ToString(Formatting.None);
        if (e == a) return true;
        return expected.Type == JTokenType.String && Instant((string)expected!) is { } ei && Instant((string)actual!) is { } ai
               && ei.UtcTicks == ai.UtcTicks && ei.Offset == ai.Offset;
    }

    private static DateTimeOffset? Instant(string text) =>
        text.Length >= 19 && text[4] == '-' && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
