namespace Checkout.Generated.Internal;

/// <summary>Logger category names.</summary>
internal static class LogCategories
{
    public const string Http = "Checkout.Generated.Http";
    public const string Tokens = "Checkout.Generated.Tokens";
    public const string Options = "Checkout.Generated.Options";
}
