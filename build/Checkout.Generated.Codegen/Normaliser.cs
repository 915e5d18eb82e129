using Checkout.Generated.Codegen.Repair;
using Checkout.Generated.Codegen.Rules;
using Checkout.Generated.Codegen.Shaping;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>
/// Runs the rules over a copy of the document in two phases: the repairs, in an order where each sees the previous
/// ones, then the shaping rules, which decide every public name.
/// </summary>
internal static class Normaliser
{
    /// <summary>Phase 1: repairs of the spec's defects (structure, missing ids, paths, hosts…); they name nothing public.</summary>
    public static IReadOnlyList<INormalisationRule> RepairRules { get; } =
    [
        new MissingInfoVersionRule(),
        new UnusableParameterRule(),
        new NullSchemaRule(),
        new UnknownTypeRule(),
        new TokenUrlRule(),
        new ServerPathRule(),
        new AccountHostRule(),
        new HostRule(),
        new BearerApiKeyRule(),
        new PathParameterRule(),
        new MissingSecurityRule(),
        new OperationIdRule(),
        new RequiredNameRule(),
        new DiscriminatorRequiredRule(),
        new InlineDiscriminatorRule(),
        new DanglingMappingRule(),
        new DiscriminatorSubtypeRule(),
        new SharedDiscriminatorTargetRule(),
        new AnnotationPartRule(),
        new PrimitiveReferenceRule(),
        new UnmappedSubtypeRule(),
        new ReferenceWrapperRule(),
        new ResponseRequiredRule(),
        new RequiredValueRule(),
        new OpenObjectRule(),
        new NumberWidthRule(),
        new OpenEnumRule(),
        new UndiscriminatedUnionRule(),
        new InlineBodyRule(),
        new RequiredBodyRule(),
        new MultipartFileRule(),
        new PrimitiveParameterRule(),
        new ResultShapeRule(),
        new InlineAllOfRule(),
        new InlineObjectRule(),
        new MultipleBaseRule(),
        new ReferenceWrapperRule(), // again: merging inline allOf parts leaves new single-reference wrappers (NSwag's `Self : SelfLink`)
        new RequiredValueRule(), // again: required value fields of inline allOf parts meet their required list only once merged (previous platform's card destination)
        new UnionPropertyRule(),
        new RequiredMemberRule(),
        new PagingRule(),
        new UploadLinkRule(),
        new ResultMetadataRule(),
        new DocTextRule(),
    ];

    /// <summary>Phase 2: shaping, where every public name is decided (<see cref="NamingAuthority"/>), stable when an unrelated operation is added.</summary>
    public static IReadOnlyList<INormalisationRule> ShapingRules { get; } =
    [
        new OperationNameRule(),
        new TagNameRule(),
        new SchemaTitleRule(),
        new TypeNameRule(),
        new ValueTypeRule(),
        new UnionMemberRule(),
        new ParameterNameRule(),
        new QueryClassRule(),
        new SubtypeListRule(),
    ];

    /// <summary>Both phases, in the order they run.</summary>
    public static IReadOnlyList<INormalisationRule> Rules { get; } = [.. RepairRules, .. ShapingRules];

    /// <summary>Normalises <paramref name="source"/> (left untouched) and returns the repaired copy with its report.</summary>
    public static NormalisationContext Normalise(JObject source)
    {
        var context = new NormalisationContext((JObject)source.DeepClone());
        if (context.Document["openapi"]?.Value<string>() is not { } version || !version.StartsWith("3.", StringComparison.Ordinal))
        {
            throw new NormalisationException("/openapi: not an OpenAPI 3 document (Checkout.com publishes OpenAPI 3.0)");
        }
        foreach (var rule in Rules) rule.Apply(context);
        return context;
    }
}
