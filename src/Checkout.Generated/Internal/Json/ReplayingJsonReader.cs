using System;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>
/// A reader that first re-emits up to three tokens already read from another reader (the last of them being that
/// reader's current token), then reads on from it: a converter can look at the start of an object and still hand
/// the whole object to the serializer without buffering it.
/// </summary>
internal sealed class ReplayingJsonReader : JsonReader, IJsonLineInfo
{
    private readonly JsonReader _inner;
    private readonly JsonToken[] _tokens = new JsonToken[3];
    private readonly object?[] _values = new object?[3];
    private int _count;
    private int _next;

    public ReplayingJsonReader(JsonReader inner)
    {
        _inner = inner;
        CloseInput = false;
        MaxDepth = null;
        Culture = inner.Culture;
        DateParseHandling = inner.DateParseHandling;
        DateTimeZoneHandling = inner.DateTimeZoneHandling;
        FloatParseHandling = inner.FloatParseHandling;
        DateFormatString = inner.DateFormatString;
    }

    /// <summary>Records the inner reader's current token to be re-emitted.</summary>
    public void RecordCurrent()
    {
        if (_count == _tokens.Length) throw new InvalidOperationException("A replaying reader holds three tokens at most.");
        _tokens[_count] = _inner.TokenType;
        _values[_count] = _inner.Value;
        _count++;
    }

    /// <summary>Forgets the recorded tokens after the first <paramref name="count"/> (consumed tokens the reader must not see).</summary>
    public void Truncate(int count) => _count = Math.Min(_count, count);

    public override string Path => _inner.Path;

    public int LineNumber => (_inner as IJsonLineInfo)?.LineNumber ?? 0;

    public int LinePosition => (_inner as IJsonLineInfo)?.LinePosition ?? 0;

    public bool HasLineInfo() => (_inner as IJsonLineInfo)?.HasLineInfo() ?? false;

    private bool Replaying => _next < _count;

    public override bool Read()
    {
        if (Replaying)
        {
            SetToken(_tokens[_next], _values[_next]);
            _next++;
            return true;
        }
        var read = _inner.Read();
        Mirror();
        return read;
    }

    public override string? ReadAsString() => Replaying ? base.ReadAsString() : Mirror(_inner.ReadAsString());

    public override int? ReadAsInt32() => Replaying ? base.ReadAsInt32() : Mirror(_inner.ReadAsInt32());

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
        if (_inner.TokenType == JsonToken.None) SetToken(JsonToken.None);
        else SetToken(_inner.TokenType, _inner.Value);
    }
}
