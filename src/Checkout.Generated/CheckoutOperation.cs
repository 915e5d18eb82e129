using System.Collections.Generic;

namespace Checkout.Generated;

/// <summary>One operation of the Checkout.com API, as the spec the client was generated from describes it.</summary>
public sealed class CheckoutOperation
{
    private string? _relativePath;
    private System.Net.Http.HttpMethod? _httpMethod;

    /// <summary>Creates a catalog entry; the generated catalog is the only caller.</summary>
    public CheckoutOperation(
        string id, string method, string pathTemplate, string host, string tag,
        CheckoutCredentialKinds credentials, IReadOnlyList<string> securitySchemes, IReadOnlyList<string> scopes,
        string? idempotencyKeyHeader = null, bool streamsBody = false)
    {
        Id = id;
        Method = method;
        PathTemplate = pathTemplate;
        Host = host;
        Tag = tag;
        Credentials = credentials;
        SecuritySchemes = securitySchemes;
        Scopes = scopes;
        IdempotencyKeyHeader = idempotencyKeyHeader;
        StreamsBody = streamsBody;
    }

    /// <summary>The operation id, e.g. <c>requestPaymentOrPayout</c> (the spec's id, cleaned by the normaliser's <c>OperationNameRule</c>).</summary>
    public string Id { get; }

    /// <summary>The HTTP method in upper case.</summary>
    public string Method { get; }

    /// <summary>The path template, e.g. <c>/payments/{id}/captures</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The host kind: <c>api</c>, <c>access</c>, <c>files</c>, <c>transfers</c>, <c>balances</c>, …</summary>
    public string Host { get; }

    /// <summary>The spec tag, which names the generated client (<c>Payments</c> → <c>PaymentsClient</c>).</summary>
    public string Tag { get; }

    /// <summary>The kinds of credential the operation accepts.</summary>
    public CheckoutCredentialKinds Credentials { get; }

    /// <summary>The names of the security schemes the operation accepts, as the spec names them.</summary>
    public IReadOnlyList<string> SecuritySchemes { get; }

    /// <summary>The OAuth scopes any one of which allows the operation, e.g. <c>gateway</c> or <c>gateway:payment</c>.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The idempotency-key header the operation declares (<c>Cko-Idempotency-Key</c>), or null when it declares none.</summary>
    public string? IdempotencyKeyHeader { get; }

    /// <summary>Whether a success answers with a file or report (<see cref="CheckoutFile"/>): its body reaches the caller as a live stream, not buffered.</summary>
    public bool StreamsBody { get; }

    /// <summary>The path template without its leading slash: relative to the host's base address.</summary>
    internal string RelativePath => _relativePath ??= PathTemplate.TrimStart('/');

    /// <summary>The shared <see cref="System.Net.Http.HttpMethod"/> instance of <see cref="Method"/>.</summary>
    internal System.Net.Http.HttpMethod HttpMethod => _httpMethod ??= Internal.CheckoutCall.Method(Method);

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathTemplate} ({Id}, {Host})";
}
