#if !NET7_0_OR_GREATER
// C# 11 required members on netstandard2.0: the compiler needs these attributes by name. The request models' required
// properties (RequiredMemberRule) use them; net8.0 and later take the framework's own.
namespace System.Runtime.CompilerServices
{
    /// <summary>Marks a type or member as having required members (compiler support for <c>required</c>).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    internal sealed class RequiredMemberAttribute : Attribute
    {
    }

    /// <summary>Tells older compilers that a member needs a compiler feature they lack (here: required members).</summary>
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
    internal sealed class CompilerFeatureRequiredAttribute : Attribute
    {
        public CompilerFeatureRequiredAttribute(string featureName) => FeatureName = featureName;

        public string FeatureName { get; }

        public bool IsOptional { get; init; }

        public const string RefStructs = nameof(RefStructs);

        public const string RequiredMembers = nameof(RequiredMembers);
    }

    /// <summary>Lets <c>init</c> accessors compile on netstandard2.0.</summary>
    internal static class IsExternalInit
    {
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>A constructor that sets every required member itself (callers need not set them).</summary>
    [AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
    internal sealed class SetsRequiredMembersAttribute : Attribute
    {
    }
}
#endif
