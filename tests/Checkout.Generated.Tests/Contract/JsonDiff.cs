using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Contract;

/// <summary>A field-by-field semantic JSON comparison: numbers by value, date-times by instant, nulls as absent.</summary>
internal static class JsonDiff
{
    public sealed record Difference(string Path, string Kind, JToken? Expected, JToken? Actual)
    {
        public override string ToString() => $"{Kind} at {Path}: expected {Show(Expected)}, got {Show(Actual)}";

        private static string Show(JToken? token) => token is null ? "(absent)" : token.ToString(Newtonsoft.Json.Formatting.None);
    }

    public static List<Difference> Compare(JToken? expected, JToken? actual)
    {
        var differences = new List<Difference>();
        Walk("$", expected, actual, differences);
        return differences;
    }

    private static void Walk(string path, JToken? expected, JToken? actual, List<Difference> differences)
    {
        if (IsAbsent(expected) && IsAbsent(actual)) return;
        if (IsAbsent(expected)) { differences.Add(new Difference(path, "added", null, actual)); return; }
        if (IsAbsent(actual)) { differences.Add(new Difference(path, "lost", expected, null)); return; }
        switch (expected)
        {
            case JObject e when actual is JObject a:
                foreach (var name in e.Properties().Select(p => p.Name).Union(a.Properties().Select(p => p.Name)))
                {
                    Walk(path + "." + name, e[name], a[name], differences);
                }

                return;
            case JArray e when actual is JArray a:
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    Walk($"{path}[{i}]", i < e.Count ? e[i] : null, i < a.Count ? a[i] : null, differences);
                }

                return;
        }

        if (!ScalarEquals(expected!, actual!)) differences.Add(new Difference(path, "changed", expected, actual));
    }

    private static bool IsAbsent(JToken? token) => token is null || token.Type is JTokenType.Null or JTokenType.Undefined;

    private static bool ScalarEquals(JToken expected, JToken actual)
    {
        if (expected is JContainer || actual is JContainer) return JToken.DeepEquals(expected, actual);
        if (IsNumber(expected) && IsNumber(actual)) return Convert.ToDecimal(((JValue)expected).Value, CultureInfo.InvariantCulture) == Convert.ToDecimal(((JValue)actual).Value, CultureInfo.InvariantCulture);
        var e = Text(expected);
        var a = Text(actual);
        if (string.Equals(e, a, StringComparison.Ordinal)) return true;
        if (IsNumber(expected) || IsNumber(actual))
        {
            return decimal.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var en) && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var an) && en == an;
        }

        return LooksLikeDateTime(e) && LooksLikeDateTime(a)
            && DateTimeOffset.TryParse(e, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ed)
            && DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ad)
            && ed == ad;
    }

    private static bool IsNumber(JToken token) => token.Type is JTokenType.Integer or JTokenType.Float;

    private static bool LooksLikeDateTime(string text) => text.Length >= 10 && char.IsDigit(text[0]) && text[4] == '-';

    private static string Text(JToken token) => token.Type switch
    {
        JTokenType.Date when ((JValue)token).Value is DateTimeOffset offset => offset.ToString("o", CultureInfo.InvariantCulture),
        JTokenType.Date => ((DateTime)token).ToString("o", CultureInfo.InvariantCulture),
        JTokenType.Boolean => (bool)token ? "true" : "false",
        JTokenType.Float or JTokenType.Integer => Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture) ?? "",
        _ => token.ToString(),
    };
}
