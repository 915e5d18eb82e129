namespace Checkout.Generated.Internal;

/// <summary>
/// A generated model that remembers which of its fields were read as an explicit JSON <c>null</c>, so that writing it
/// back sends <c>null</c> there while a field that was absent stays absent (Class.liquid implements it on every model).
/// </summary>
internal interface IExplicitNulls
{
    /// <summary>Whether the field with this JSON name was last read as <c>null</c>.</summary>
    bool IsExplicitNull(string name);

    /// <summary>Records that the field was read as <c>null</c> (<paramref name="isNull"/>) or as a value.</summary>
    void SetExplicitNull(string name, bool isNull);
}
