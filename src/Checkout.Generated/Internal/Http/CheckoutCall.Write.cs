using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>Writing request bodies: JSON as UTF-8 bytes, file parts.</summary>
internal static partial class CheckoutCall
{
    private const int MaxPooledBuilder = 16 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>A request body as JSON, written as <see cref="JsonConvert.SerializeObject(object, JsonSerializerSettings)"/> writes it, straight to UTF-8 bytes.</summary>
    public static HttpContent JsonContent(object? body, JsonSerializer serializer, string mediaType)
    {
        var builder = t_builder ?? new StringBuilder(1024);
        t_builder = null;
        try
        {
            using (var text = new StringWriter(builder, CultureInfo.InvariantCulture))
            using (var writer = new JsonTextWriter(text) { Formatting = serializer.Formatting, ArrayPool = JsonCharPool.Instance })
            {
                serializer.Serialize(writer, body);
            }

            var length = builder.Length;
            var chars = ArrayPool<char>.Shared.Rent(length);
            try
            {
                builder.CopyTo(0, chars, 0, length);
                var bytes = new byte[Encoding.UTF8.GetByteCount(chars, 0, length)];
                Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = mediaType.IndexOf(';') < 0 ? new MediaTypeHeaderValue(mediaType) : MediaTypeHeaderValue.Parse(mediaType);
                return content;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        finally
        {
            // One builder per thread, reused while it stays small (serialising never awaits).
            if (builder.Capacity <= MaxPooledBuilder)
            {
                builder.Clear();
                t_builder = builder;
            }
        }
    }
}
