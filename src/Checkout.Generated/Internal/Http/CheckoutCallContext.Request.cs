using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>
/// The request half of a call, as a generated method declares it: path and query values, header parameters and the
/// body. A missing required value or an unusable path segment is remembered and thrown by <see cref="CreateRequest"/>,
/// so it reaches the caller through the returned task (as every other error of the call) and nothing is sent.
/// </summary>
internal sealed partial class CheckoutCallContext
{
    private const string MultipartForm = "multipart/form-data";
    private List<KeyValuePair<string, string>>? _pathValues;
    private StringBuilder? _query;
    private List<KeyValuePair<string, object>>? _headers;
    private List<KeyValuePair<string, object>>? _fields;
    private string? _fieldsMediaType;
    private BodyKind _bodyKind;
    private object? _body;
    private string? _bodyMediaType;
    private Exception? _failure;

    /// <summary>Fills the path parameter <paramref name="name"/> (its spec name); <paramref name="argument"/> is the C# parameter that gave it.</summary>
    public CheckoutCallContext Path(string name, object? value, string argument)
    {
        if (value is null) return Fail(new ArgumentNullException(argument));
        var text = ParameterText.Format(value);
        if (text.Length == 0 || text == "." || text == "..")
        {
            var operation = Operation!;
            return Fail(new ArgumentException($"Operation '{operation.Id}' ({operation.Method} {operation.PathTemplate}): path parameter '{name}' is empty, '.' or '..', which would send the request to another path.", argument));
        }
        (_pathValues ??= new List<KeyValuePair<string, string>>(2)).Add(new KeyValuePair<string, string>(name, Uri.EscapeDataString(text)));
        return this;
    }

    /// <summary>Adds a query parameter unless <paramref name="value"/> is null; a list adds one pair per item.</summary>
    public CheckoutCallContext Query(string name, object? value)
    {
        if (value is null) return this;
        foreach (var text in ParameterText.Values(value)) AppendQuery(name, text);
        return this;
    }

    /// <summary>Adds a required query parameter; null fails the call with <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Query(string name, object? value, string argument) =>
        value is null ? Fail(new ArgumentNullException(argument)) : Query(name, value);

    /// <summary>Adds a header parameter unless <paramref name="value"/> is null; a list sends one value per item.</summary>
    public CheckoutCallContext Header(string name, object? value)
    {
        if (value is not null) (_headers ??= new List<KeyValuePair<string, object>>(1)).Add(new KeyValuePair<string, object>(name, value));
        return this;
    }

    /// <summary>Adds a required header parameter; null fails the call with <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Header(string name, object? value, string argument) =>
        value is null ? Fail(new ArgumentNullException(argument)) : Header(name, value);

    /// <summary>The body as JSON (UTF-8, written once, when the request is created); an optional body left null sends <c>null</c>.</summary>
    public CheckoutCallContext Json(object? body, string mediaType)
    {
        return SetBody(BodyKind.Json, body, mediaType);
    }

    /// <summary>A required JSON body; null fails the call with <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Json(object? body, string mediaType, string argument) =>
        body is null ? Fail(new ArgumentNullException(argument)) : Json(body, mediaType);

    /// <summary>The body as a form (its JSON's fields); an optional body left null sends an empty form.</summary>
    public CheckoutCallContext Form(object? body, string mediaType)
    {
        return SetBody(BodyKind.Form, body, mediaType);
    }

    /// <summary>A required form body; null fails the call with <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Form(object? body, string mediaType, string argument) =>
        body is null ? Fail(new ArgumentNullException(argument)) : Form(body, mediaType);

    /// <summary>An empty body of the operation's media type (a POST, PUT or PATCH without a declared body).</summary>
    public CheckoutCallContext EmptyBody(string mediaType)
    {
        return SetBody(BodyKind.Empty, null, mediaType);
    }

    /// <summary>Sends the fields that follow as <c>multipart/form-data</c> (file parts allowed); none set sends an empty form.</summary>
    public CheckoutCallContext Multipart()
    {
        _fieldsMediaType = MultipartForm;
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

    /// <summary>Adds a required form field; null fails the call with <see cref="ArgumentNullException"/> for <paramref name="argument"/>.</summary>
    public CheckoutCallContext Field(string name, object? value, string argument) =>
        value is null ? Fail(new ArgumentNullException(argument)) : Field(name, value);

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
        if (path.IndexOf('{') >= 0)
            throw new InvalidOperationException($"Operation '{Operation.Id}' ({Operation.Method} {Operation.PathTemplate}): a path parameter was not given a value; rebuild the library.");
        return _query is null ? path : path + _query.ToString();
    }

    /// <summary>The request every attempt sends: method, caller's options, header parameters, Accept and body; the context attached.</summary>
    /// <exception cref="ArgumentException">A required value was null, or a value or option cannot be sent.</exception>
    public HttpRequestMessage CreateRequest(string? accept)
    {
        if (_failure is not null) throw _failure;
        var request = new HttpRequestMessage { Method = Operation!.HttpMethod };
        try
        {
            CheckoutCall.Apply(request, Options);
            if (_headers is { } headers)
            {
                foreach (var header in headers) request.Headers.TryAddWithoutValidation(header.Key, ParameterText.Values(header.Value));
            }
            if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
            request.Content = _bodyKind switch
            {
                BodyKind.Json => CheckoutCall.JsonContent(_body, CheckoutJson.Serializer, _bodyMediaType!),
                BodyKind.Form => FormBody.Content(_body, CheckoutJson.Serializer, _bodyMediaType!),
                BodyKind.Empty => new StringContent(string.Empty, Encoding.UTF8, _bodyMediaType!),
                _ => FormFields.Content(_fieldsMediaType, _fields),
            };
            Attach(request, this);
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    private CheckoutCallContext SetBody(BodyKind kind, object? body, string mediaType)
    {
        _bodyKind = kind;
        _body = body;
        _bodyMediaType = mediaType;
        return this;
    }

    private CheckoutCallContext Fail(Exception failure)
    {
        _failure ??= failure;
        return this;
    }

    private void AppendQuery(string name, string value) =>
        (_query ??= new StringBuilder("?", 64)).Append(_query.Length > 1 ? "&" : "").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));

    /// <summary>How the declared body is written (serialised when the request is created, so a model error fails the task).</summary>
    private enum BodyKind
    {
        None,
        Json,
        Form,
        Empty,
    }
}
