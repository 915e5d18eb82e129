using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary><c>info.version</c> is required by OpenAPI; a missing one becomes <c>unversioned</c>.</summary>
internal sealed class MissingInfoVersionRule : INormalisationRule
{
    public string Name => "info.version missing";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["info"] is not JObject info)
        {
            context.Document["info"] = info = new JObject { ["title"] = "untitled" };
        }
        if (string.IsNullOrWhiteSpace(info["version"]?.ToString()))
        {
            info["version"] = "unversioned";
            context.Count(Name);
        }
    }
}
