using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>A JSON body from any 2xx, carrying the response metadata.</summary>
internal sealed class JsonEndpoint<T> : CheckoutEndpoint<T>
    where T : class
{
    public JsonEndpoint(string operationId, string? accept) : base(operationId, accept)
    {
    }

    public override Task<T> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken) =>
        ResultMetadata<T>.ReadAsync(response, metadata, cancellationToken);
}

/// <summary>No body: the metadata is the result.</summary>
internal sealed class EmptyEndpoint : CheckoutEndpoint<CheckoutResponse>
{
    public EmptyEndpoint(string operationId, string? accept) : base(operationId, accept)
    {
    }

    public override Task<CheckoutResponse> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken) =>
        Task.FromResult(metadata);
}

/// <summary>A file or report: the caller owns the stream and the response behind it.</summary>
internal sealed class FileEndpoint : CheckoutEndpoint<CheckoutFile>
{
    public FileEndpoint(string operationId, string? accept) : base(operationId, accept)
    {
    }

    public override Task<CheckoutFile> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken) =>
        CheckoutCall.FileAsync(response, metadata, cancellationToken);

    public override bool TookOver(CheckoutFile result) => true;
}

/// <summary>A redirect: its <c>Location</c>, or, when the HTTP handler followed it, the answer's body as a file.</summary>
internal sealed class RedirectEndpoint : CheckoutEndpoint<CheckoutRedirect>
{
    public RedirectEndpoint(string operationId, string? accept) : base(operationId, accept)
    {
    }

    public override bool IsSuccess(int status) => status is >= 200 and < 400;

    public override Task<CheckoutRedirect> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken) =>
        CheckoutCall.RedirectAsync(response, metadata, cancellationToken);

    public override bool TookOver(CheckoutRedirect result) => result.File is not null;
}

/// <summary>Several documented successes: a generated <c>{Operation}Result</c> with one property per status.</summary>
internal sealed class MultiEndpoint<T> : CheckoutEndpoint<T>
{
    private readonly Func<CheckoutResponse, T> _create;
    private readonly Dictionary<int, Func<T, HttpResponseMessage, CheckoutResponse, CancellationToken, Task>> _bodies = new();

    public MultiEndpoint(string operationId, string? accept, Func<CheckoutResponse, T> create) : base(operationId, accept) => _create = create;

    /// <summary>Status <paramref name="status"/> has a body of type <typeparamref name="TBody"/>, which <paramref name="set"/> puts on the result.</summary>
    public MultiEndpoint<T> On<TBody>(int status, Action<T, TBody> set)
        where TBody : class
    {
        _bodies[status] = async (result, response, metadata, cancellationToken) =>
        {
            set(result, await ResultMetadata<TBody>.ReadAsync(response, metadata, cancellationToken).ConfigureAwait(false));
        };
        return this;
    }

    public override async Task<T> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken)
    {
        var result = _create(metadata);
        if (_bodies.TryGetValue(metadata.StatusCode, out var read)) await read(result, response, metadata, cancellationToken).ConfigureAwait(false);
        return result;
    }
}

/// <summary>Reads a JSON success body and sets its <c>CheckoutResponse</c> property (every model a call returns has one), through a delegate made once per type.</summary>
internal static class ResultMetadata<T>
    where T : class
{
    private static readonly Action<T, CheckoutResponse?>? Setter = Create();

    /// <summary>The body read from the stream, carrying <paramref name="metadata"/>.</summary>
    public static async Task<T> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken)
    {
        var result = await CheckoutCall.ReadJsonAsync<T>(response, metadata, CheckoutJson.Serializer, cancellationToken).ConfigureAwait(false);
        Setter?.Invoke(result, metadata);
        return result;
    }

    private static Action<T, CheckoutResponse?>? Create()
    {
        var property = typeof(T).GetProperty(nameof(CheckoutResponse), BindingFlags.Public | BindingFlags.Instance);
        var setter = property is { CanWrite: true } && property.PropertyType == typeof(CheckoutResponse) ? property.GetSetMethod() : null;
        return setter is null ? null : (Action<T, CheckoutResponse?>)Delegate.CreateDelegate(typeof(Action<T, CheckoutResponse?>), setter);
    }
}
