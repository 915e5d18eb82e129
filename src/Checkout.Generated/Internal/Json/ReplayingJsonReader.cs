using System;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>
/// A reader that first re-emits the tokens a converter has already read from another reader while looking ahead (the
/// last of them being that reader's current token), then reads on from it: a converter can look into an object and
/// still hand the whole object to the serializer without building a tree of it.
/// </summary>
/// <remarks>
/// Replayed tokens keep their own JSON path and line position, so that a read error names where the value is, not
/// where the look-ahead stopped. Typed reads of replayed tokens are as strict as the text reader's: a number with a
/// fraction is not read as a 32-bit integer.
/// </remarks>
internal sealed class ReplayingJsonReader : JsonReader, IJsonLineInfo
{
    /// <summary>The largest token buffer kept for reuse (a bigger one, from a very late discriminator, is let go).</summary>
    private const int LargestSpare = 256;

    /// <summary>A released token buffer, reused by the next object read on this thread (a nested one takes a new one).</summary>
    [ThreadStatic]
    private static Recorded[]? _spare;

    private readonly JsonReader _inner;
    private readonly IJsonLineInfo? _lines;
    private Recorded[] _tokens;
    private int _count;
    private int _used;
    private int _next;
    private bool _currentReplayed;
    private int _lineNumber;
    private int _linePosition;
    private string? _innerRelativePath;
    private string? _prefix;

    public ReplayingJsonReader(JsonReader inner)
    {
        _inner = inner;
        _lines = inner as IJsonLineInfo;
        _tokens = _spare ?? new Recorded[8];
        _spare = null;
        CloseInput = false;
        MaxDepth = null;
        Culture = inner.Culture;
        DateParseHandling = inner.DateParseHandling;
        DateTimeZoneHandling = inner.DateTimeZoneHandling;
        FloatParseHandling = inner.FloatParseHandling;
        DateFormatString = inner.DateFormatString;
    }

    /// <summary>Records the inner reader's current token (with its line position) to be re-emitted.</summary>
    public void RecordCurrent()
    {
        if (_count == _tokens.Length) Array.Resize(ref _tokens, _count * 2);
        _tokens[_count++] = new Recorded(_inner.TokenType, _inner.Value, _lines?.LineNumber ?? 0, _lines?.LinePosition ?? 0);
        _used = Math.Max(_used, _count);
    }

    /// <summary>
    /// Hands the token buffer, cleared of the values it held, to the next object read on this thread, once every recorded
    /// token has been replayed (else it is let go); the reader then only reads on from the inner one.
    /// </summary>
    public void Release()
    {
        if (Replaying) return;
        Array.Clear(_tokens, 0, _used);
        if (_tokens.Length <= LargestSpare && (_spare is null || _spare.Length < _tokens.Length)) _spare = _tokens;
        _tokens = Array.Empty<Recorded>();
        _count = _next = _used = 0;
    }

    /// <summary>Forgets the last <paramref name="count"/> recorded tokens (consumed tokens the serializer must not see).</summary>
    public void ForgetLast(int count) => _count = Math.Max(0, _count - count);

    /// <summary>
    /// Ends the look-ahead: the inner reader now stands at <paramref name="relativePath"/> of the replayed object (the
    /// discriminator's name, or "" at its end), from which the object's own path is worked out if an error needs it.
    /// </summary>
    public void LookAheadEnded(string relativePath) => _innerRelativePath = relativePath;

    /// <summary>The path of the current token in the whole document, replayed or not.</summary>
    public override string Path => _currentReplayed ? Join(Prefix(), base.Path) : _inner.Path;

    public int LineNumber => _currentReplayed ? _lineNumber : _lines?.LineNumber ?? 0;

    public int LinePosition => _currentReplayed ? _linePosition : _lines?.LinePosition ?? 0;

    public bool HasLineInfo() => _lines?.HasLineInfo() ?? false;

    private bool Replaying => _next < _count;

    public override bool Read()
    {
        if (Replaying)
        {
            var token = _tokens[_next++];
            _currentReplayed = true;
            _lineNumber = token.LineNumber;
            _linePosition = token.LinePosition;
            SetToken(token.Token, token.Value);
            return true;
        }
        var read = _inner.Read();
        Mirror();
        return read;
    }

    public override string? ReadAsString() => Replaying ? base.ReadAsString() : Mirror(_inner.ReadAsString());

    public override int? ReadAsInt32()
    {
        if (!Replaying) return Mirror(_inner.ReadAsInt32());
        if (_tokens[_next].Token != JsonToken.Float) return base.ReadAsInt32();
        // The text reader refuses a number written with a fraction for an int; Newtonsoft's replay would round it.
        Read();
        throw new JsonReaderException("Input string is not a valid integer: it is written with a fraction.", Path, LineNumber, LinePosition, null);
    }

    public override bool? ReadAsBoolean() => Replaying ? base.ReadAsBoolean() : Mirror(_inner.ReadAsBoolean());

    public override decimal? ReadAsDecimal() => Replaying ? base.ReadAsDecimal() : Mirror(_inner.ReadAsDecimal());

    public override double? ReadAsDouble() => Replaying ? base.ReadAsDouble() : Mirror(_inner.ReadAsDouble());

    public override byte[]? ReadAsBytes() => Replaying ? base.ReadAsBytes() : Mirror(_inner.ReadAsBytes());

    public override DateTime? ReadAsDateTime() => Replaying ? base.ReadAsDateTime() : Mirror(_inner.ReadAsDateTime());

    public override DateTimeOffset? ReadAsDateTimeOffset() => Replaying ? base.ReadAsDateTimeOffset() : Mirror(_inner.ReadAsDateTimeOffset());

    private T Mirror<T>(T value)
    {
        Mirror();
        return value;
    }

    private void Mirror()
    {
        _currentReplayed = false;
        if (_inner.TokenType == JsonToken.None) SetToken(JsonToken.None);
        else SetToken(_inner.TokenType, _inner.Value);
    }

    /// <summary>
    /// The replayed object's own path, worked out (once, on an error) from the inner reader's, which has not moved since
    /// the look-ahead ended: it is the object's path followed by <see cref="_innerRelativePath"/>.
    /// </summary>
    private string Prefix()
    {
        if (_prefix is not null) return _prefix;
        var inner = _inner.Path;
        var relative = _innerRelativePath ?? "";
        if (relative.Length == 0) return _prefix = inner;
        if (inner == relative) return _prefix = "";
        if (inner.EndsWith("." + relative, StringComparison.Ordinal)) return _prefix = inner.Substring(0, inner.Length - relative.Length - 1);
        var quoted = "['" + relative + "']";
        return _prefix = inner.EndsWith(quoted, StringComparison.Ordinal) ? inner.Substring(0, inner.Length - quoted.Length) : inner;
    }

    private static string Join(string prefix, string relative)
    {
        if (prefix.Length == 0) return relative;
        if (relative.Length == 0) return prefix;
        return relative[0] == '[' ? prefix + relative : prefix + "." + relative;
    }

    private readonly struct Recorded(JsonToken token, object? value, int lineNumber, int linePosition)
    {
        public JsonToken Token { get; } = token;

        public object? Value { get; } = value;

        public int LineNumber { get; } = lineNumber;

        public int LinePosition { get; } = linePosition;
    }
}
