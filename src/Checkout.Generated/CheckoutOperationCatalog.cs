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

    /// <summary>Attaches a call context for <paramref name="operation"/> to a request built by hand (tests of the handlers); generated clients go through <see cref="CheckoutInvoker"/>.</summary>
    internal static void Tag(HttpRequestMessage request, CheckoutOperation operation)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var call = new CheckoutCallContext(operation ?? throw new ArgumentNullException(nameof(operation)));
        if (request.RequestUri is { IsAbsoluteUri: false } uri) call.RelativeUri = uri.OriginalString;
        CheckoutCallContext.Attach(request, call);
    }

    private static partial CheckoutOperation[] CreateOperations();

    private static partial string[] CreateKnownScopes();

    private static partial CheckoutSpecInfo CreateSpec();
}
