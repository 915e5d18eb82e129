using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Where a schema a repair rule created comes from: its owner (a component schema, an operation or a shared response,
/// as a JSON pointer) and its role there (<c>BillingAddress</c>, <c>Request</c>, <c>ItemsItem</c>). The repair phase
/// gives such a schema a provisional key; the shaping phase (<see cref="Shaping.TypeNameRule"/>) names it from its
/// owner's final name and its role, then removes the mark.
/// </summary>
internal static class Origin
{
    public const string Extension = "x-checkout-origin";

    public static void Mark(JObject schema, string owner, string role) => schema[Extension] = new JObject { ["owner"] = owner, ["role"] = role };

    public static string Schema(string name) => "#/components/schemas/" + OpenApi.Escape(name);

    public static string Operation(string path, string method) => "#/paths/" + OpenApi.Escape(path) + "/" + method;

    public static string Response(string name) => "#/components/responses/" + OpenApi.Escape(name);

    /// <summary>The owner pointer and role of a marked schema; null for a schema the spec named.</summary>
    public static (string Owner, string Role)? Of(JObject schema) =>
        schema[Extension] is JObject { } mark && mark["owner"]?.Value<string>() is { } owner && mark["role"]?.Value<string>() is { } role ? (owner, role) : null;
}
