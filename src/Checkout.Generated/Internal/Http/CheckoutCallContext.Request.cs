using System;
using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>
/// The request half of a call, as a generated method declares it: path and query values, header parameters and the
/// body, each checked as it is given (a missing required value or an unusable path segment throws before anything is
/// sent). <see cref="CreateRequest"/> turns it into the one <see cref="HttpRequestMessage"/> every attempt sends.
/// </summary>
internal sealed partial class CheckoutCallContext
{
    private List<KeyValuePair<string, string>>? _pathValues;
    private StringBuilder? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private List<KeyValuePair<string, object>>? _fields;
    private string? _fieldsMediaType;
    private HttpContent? _content;

    /// <summary>Fills the path parameter <paramref name="name"/> (its spec name); <paramref name="argument"/> is the C# parameter that gave it.</summary>
    public CheckoutCallContext Path(string name, object? value, string argument)
    {
        var text = ParameterText.Format(value ?? throw new ArgumentNullException(argument));
        if (text.Length == 0 || text == "." || text == "..")
        {
            var operation = Operation!;
            throw new ArgumentException($"Operation '{operation.Id}' ({operation.Method} {operation.PathTemplate}): path parameter '{name}' is empty, '.' or '..', which would send the request to another path.", argument);
        }
        (_pathValues ??= new List<KeyValuePair<string, string>>(2)).Add(new KeyValuePair<string, string>(name, Uri.EscapeDataString(text)));
        return this;
    }

    /// <summary>Adds a query parameter unless <paramref name="value"/> is null; a list adds one pair per item.</summary>
    public CheckoutCallContext Query(string name, object? value)
    {
        if (value is null) return this;
        if (value is IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                if (item is not null) AppendQuery(name, ParameterText.Format(item));
            }
            return this;
        }
        AppendQuery(name, ParameterText.Format(value));
        return this;
    }

    /// <summary>Adds a required query parameter; null throws <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Query(string name, object? value, string argument) =>
        Query(name, value ?? throw new ArgumentNullException(argument));

    /// <summary>Adds a header parameter unless <paramref name="value"/> is null.</summary>
    public CheckoutCallContext Header(string name, object? value)
    {
        if (value is not null) (_headers ??= new List<KeyValuePair<string, string>>(1)).Add(new KeyValuePair<string, string>(name, ParameterText.Format(value)));
        return this;
    }

    /// <summary>Adds a required header parameter; null throws <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Header(string name, object? value, string argument) =>
        Header(name, value ?? throw new ArgumentNullException(argument));

    /// <summary>The body as JSON (UTF-8, written once); an optional body left null sends <c>null</c>.</summary>
    public CheckoutCallContext Json(object? body, string mediaType)
    {
        _content = CheckoutCall.JsonContent(body, CheckoutJson.Serializer, mediaType);
        return this;
    }

    /// <summary>A required JSON body; null throws <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Json(object? body, string mediaType, string argument) =>
        Json(body ?? throw new ArgumentNullException(argument), mediaType);

    /// <summary>The body as a form (its JSON's fields); an optional body left null sends an empty form.</summary>
    public CheckoutCallContext Form(object? body, string mediaType)
    {
        _content = FormBody.Content(body, CheckoutJson.Serializer, mediaType);
        return this;
    }

    /// <summary>A required form body; null throws <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Form(object? body, string mediaType, string argument) =>
        Form(body ?? throw new ArgumentNullException(argument), mediaType);

    /// <summary>An empty body of the operation's media type (a POST, PUT or PATCH without a declared body).</summary>
    public CheckoutCallContext EmptyBody(string mediaType)
    {
        _content = new StringContent(string.Empty, Encoding.UTF8, mediaType);
        return this;
    }

    /// <summary>Sends the fields that follow as <c>multipart/form-data</c> (file parts allowed); none set sends an empty form.</summary>
    public CheckoutCallContext Multipart()
    {
        _fieldsMediaType = "multipart/form-data";
        return this;
    }

    /// <summary>Sends the fields that follow as <c>application/x-www-form-urlencoded</c>; none set sends an empty form.</summary>
    public CheckoutCallContext UrlEncoded()
    {
        _fieldsMediaType = "application/x-www-form-urlencoded";
        return this;
    }

    /// <summary>Adds a form field unless <paramref name="value"/> is null (a <see cref="CheckoutFile"/> is a file part).</summary>
    public CheckoutCallContext Field(string name, object? value)
    {
        if (value is not null) (_fields ??= new List<KeyValuePair<string, object>>(2)).Add(new KeyValuePair<string, object>(name, value));
        return this;
    }

    /// <summary>Adds a required form field; null throws <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Field(string name, object? value, string argument) =>
        Field(name, value ?? throw new ArgumentNullException(argument));

    /// <summary>The path and query relative to the operation's host (no leading slash).</summary>
    public string Target()
    {
        var path = Operation!.RelativePath;
        if (_pathValues is { } values)
        {
            var builder = new StringBuilder(path);
            foreach (var pair in values) builder.Replace("{" + pair.Key + "}", pair.Value);
            path = builder.ToString();
        }
        return _query is null ? path : path + _query.ToString();
    }

    /// <summary>The request every attempt sends: method, caller's options, header parameters, Accept and body; the context attached.</summary>
    public HttpRequestMessage CreateRequest(string? accept)
    {
        var request = new HttpRequestMessage { Method = Operation!.HttpMethod };
        try
        {
            CheckoutCall.Apply(request, Options);
            if (_headers is { } headers)
            {
                foreach (var header in headers) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
            request.Content = _content ?? FieldsContent();
            Attach(request, this);
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    private void AppendQuery(string name, string value) =>
        (_query ??= new StringBuilder("?", 64)).Append(_query.Length > 1 ? "&" : "").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));

    private HttpContent? FieldsContent()
    {
        if (_fieldsMediaType is null) return null;
        var fields = _fields ?? new List<KeyValuePair<string, object>>();
        if (_fieldsMediaType != "multipart/form-data")
        {
            var pairs = new List<KeyValuePair<string, string>>(fields.Count);
            foreach (var field in fields) pairs.Add(new KeyValuePair<string, string>(field.Key, ParameterText.Format(field.Value)));
            return new FormUrlEncodedContent(pairs);
        }

        var content = new MultipartFormDataContent("----" + Guid.NewGuid().ToString("N"));
        foreach (var field in fields)
        {
            switch (field.Value)
            {
                case CheckoutFile file:
                    content.Add(new FilePartContent(file), field.Key, file.FileName);
                    break;
                case IEnumerable items and not string:
                    foreach (var item in items) content.Add(new StringContent(ParameterText.Format(item)), field.Key);
                    break;
                case var value when ParameterText.IsScalar(value):
                    content.Add(new StringContent(ParameterText.Format(value)), field.Key);
                    break;
                case var value:
                    content.Add(new StringContent(CheckoutJson.Serialize(value), Encoding.UTF8, "application/json"), field.Key);
                    break;
            }
        }
        return content;
    }
}
