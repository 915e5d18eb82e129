using System;
using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace Checkout.Generated.Internal;

/// <summary>The form fields a generated method declared (<c>.Multipart()</c> or <c>.UrlEncoded()</c>, then <c>.Field</c>), as a request body.</summary>
internal static class FormFields
{
    /// <summary>
    /// The fields as <paramref name="mediaType"/>; null when the operation declares no form. Multipart: a
    /// <see cref="CheckoutFile"/> is a file part, a list one part per item, a scalar its text, an object its JSON.
    /// URL-encoded: each field as its text (a list one pair per item).
    /// </summary>
    public static HttpContent? Content(string? mediaType, List<KeyValuePair<string, object>>? fields)
    {
        if (mediaType is null) return null;
        fields ??= new List<KeyValuePair<string, object>>();
        if (mediaType != "multipart/form-data")
        {
            var pairs = new List<KeyValuePair<string, string>>(fields.Count);
            foreach (var field in fields)
            {
                foreach (var text in ParameterText.Values(field.Value)) pairs.Add(new KeyValuePair<string, string>(field.Key, text));
            }
            return new FormUrlEncodedContent(pairs);
        }

        var content = new MultipartFormDataContent("----" + Guid.NewGuid().ToString("N"));
        foreach (var field in fields)
        {
            if (field.Value is CheckoutFile file) content.Add(new FilePartContent(file), field.Key, file.FileName);
            else if (ParameterText.IsList(field.Value)) AddItems(content, field.Key, (IEnumerable)field.Value);
            else Add(content, field.Key, field.Value);
        }
        return content;
    }

    private static void AddItems(MultipartFormDataContent content, string name, IEnumerable items)
    {
        foreach (var item in items)
        {
            if (item is not null) Add(content, name, item);
        }
    }

    private static void Add(MultipartFormDataContent content, string name, object value) =>
        content.Add(ParameterText.IsScalar(value)
            ? new StringContent(ParameterText.Format(value))
            : new StringContent(CheckoutJson.Serialize(value), Encoding.UTF8, "application/json"), name);
}
