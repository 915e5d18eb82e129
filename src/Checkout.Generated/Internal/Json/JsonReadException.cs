using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>
/// A body that could not be read into a model. Its message names the JSON path, the position and the type expected there,
/// never a value: a value echoed into a field of another type may be a card number or a CVV, and exception text is logged.
/// </summary>
/// <remarks>It has no inner exception: the serializer's would carry the value.</remarks>
internal sealed class JsonReadException : JsonSerializationException
{
    public JsonReadException(string problem, string path, int lineNumber, int linePosition)
        : base(problem, path, lineNumber, linePosition, null)
    {
        Problem = problem;
    }

    /// <summary>What is wrong, with the path and the type expected (the message, without any value).</summary>
    public string Problem { get; }
}
