using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>Runs every rule over a copy of the document, in an order where each rule sees the previous repairs.</summary>
internal static class Normaliser
{
    public static IReadOnlyList<INormalisationRule> Rules { get; } =
    [
        new MissingInfoVersionRule(),
        new UnusableParameterRule(),
        new NullSchemaRule(),
        new TokenUrlRule(),
        new ServerPathRule(),
        new AccountHostRule(),
        new HostRule(),
        new BearerApiKeyRule(),
        new PathParameterRule(),
        new MissingSecurityRule(),
        new OperationIdRule(),
        new OperationNameRule(),
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
        new TagNameRule(),
        new SchemaNameRule(),
        new UndiscriminatedUnionRule(),
        new InlineBodyNameRule(),
        new RequiredBodyRule(),
        new MultipartFileRule(),
        new PrimitiveParameterRule(),
        new ParameterNameRule(),
        new ResultShapeRule(),
        new SchemaTitleRule(),
        new InlineAllOfRule(),
        new InlineObjectNameRule(),
        new MultipleBaseRule(),
        new TypeNameRule(),
        new PagingRule(),
        new UploadLinkRule(),
        new DocTextRule(),
    ];

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
