using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>Every operation of the spec the client was generated from; the generated half lists them.</summary>
public static partial class CheckoutOperationCatalog
{
    private static readonly CheckoutOperation[] Operations = CreateOperations();
    private static readonly Dictionary<string, CheckoutOperation> ById = Operations.ToDictionary(o => o.Id, StringComparer.Ordinal);

    /// <summary>All operations, in spec order.</summary>
    public static IReadOnlyList<CheckoutOperation> All => Operations;

    /// <summary>The OAuth scopes the spec declares.</summary>
    public static IReadOnlyCollection<string> KnownScopes { get; } = new HashSet<string>(CreateKnownScopes(), StringComparer.Ordinal);

    /// <summary>The spec the client was generated from.</summary>
    public static CheckoutSpecInfo Spec { get; } = CreateSpec();

    /// <summary>The operation with this id, or null.</summary>
    public static CheckoutOperation? Find(string operationId) =>
        ById.TryGetValue(operationId ?? throw new ArgumentNullException(nameof(operationId)), out var operation) ? operation : null;

    /// <summary>The operation a generated client tagged this request with, or null for a request it did not make.</summary>
    public static CheckoutOperation? Of(HttpRequestMessage request) =>
        CheckoutCallContext.Find(request ?? throw new ArgumentNullException(nameof(request)))?.Operation;

    /// <summary>Called by generated clients before sending: attaches the call's context (the operation, the relative URL) to the request.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Tag(HttpRequestMessage request, string operationId)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var operation = Find(operationId) ?? throw new InvalidOperationException($"Operation '{operationId}' is not in the generated catalog: rebuild the library.");
        string? relative = null;
        if (request.RequestUri is { IsAbsoluteUri: false } uri)
        {
            relative = uri.OriginalString;
            if (PathParameters.FirstUnusable(operation.PathTemplate, relative) is { } parameter)
                throw new ArgumentException($"Operation '{operation.Id}' ({operation.Method} {operation.PathTemplate}): path parameter '{parameter}' is empty, '.' or '..', which would send the request to another path.", parameter);
        }
        CheckoutCallContext.Attach(request, new CheckoutCallContext(operation, relative));
    }

    private static partial CheckoutOperation[] CreateOperations();

    private static partial string[] CreateKnownScopes();

    private static partial CheckoutSpecInfo CreateSpec();
}
