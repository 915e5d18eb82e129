using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>
/// What a generated client declares once per operation: the catalog entry, the media type it accepts, and the
/// status → result table (which successes return what, which errors carry which typed body). The sending is
/// <see cref="CheckoutInvoker"/>'s. In the <c>Checkout.Generated</c> namespace (internal) so generated code names it plainly.
/// </summary>
internal abstract class CheckoutEndpoint
{
    private const string Undocumented = "a status this operation does not document";
    private readonly Dictionary<int, ErrorAnswer> _errors = new();
    private ErrorAnswer _otherwise = new(Undocumented);

    protected CheckoutEndpoint(string operationId, string? accept)
    {
        Operation = CheckoutOperationCatalog.Find(operationId)
            ?? throw new InvalidOperationException($"Operation '{operationId}' is not in the generated catalog: rebuild the library.");
        Accept = accept;
    }

    /// <summary>The operation, from the generated catalog (looked up once, when the client type is first used).</summary>
    public CheckoutOperation Operation { get; }

    /// <summary>The <c>Accept</c> header the operation sends: its success media type when that is not JSON; null for JSON, which Checkout answers unasked, or no body.</summary>
    public string? Accept { get; }

    /// <summary>A new call of this operation with the caller's per-call options.</summary>
    public CheckoutCallContext Call(CheckoutRequestOptions? options) => new(Operation, options);

    /// <summary>A JSON body of type <typeparamref name="T"/> from any 2xx.</summary>
    public static CheckoutEndpoint<T> Json<T>(string operationId, string? accept) where T : class => new JsonEndpoint<T>(operationId, accept);

    /// <summary>No body: any 2xx gives its <see cref="CheckoutResponse"/>.</summary>
    public static CheckoutEndpoint<CheckoutResponse> Empty(string operationId, string? accept) => new EmptyEndpoint(operationId, accept);

    /// <summary>A file or report from any 2xx, handed over as a live stream.</summary>
    public static CheckoutEndpoint<CheckoutFile> File(string operationId, string? accept) => new FileEndpoint(operationId, accept);

    /// <summary>A redirect (any 2xx or 3xx): its <c>Location</c>, or the followed answer's body.</summary>
    public static CheckoutEndpoint<CheckoutRedirect> Redirect(string operationId, string? accept) => new RedirectEndpoint(operationId, accept);

    /// <summary>Several documented successes: <paramref name="create"/> makes the result, <c>On</c> says which status fills which property.</summary>
    public static MultiEndpoint<T> Multi<T>(string operationId, string? accept, Func<CheckoutResponse, T> create) => new(operationId, accept, create);

    /// <summary>The error of a status that is not a success: typed when the operation documents a body for it.</summary>
    internal Task<CheckoutApiException> ErrorAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken) =>
        (_errors.TryGetValue(metadata.StatusCode, out var answer) ? answer : _otherwise).ReadAsync(response, metadata, cancellationToken);

    protected void AddError(int status, ErrorAnswer answer) => _errors[status] = answer;

    protected void SetOtherwise(ErrorAnswer answer) => _otherwise = answer;

    /// <summary>How one error status is read: its description, and the body type when the operation documents one.</summary>
    protected internal class ErrorAnswer
    {
        public ErrorAnswer(string description) => Description = description;

        public string Description { get; }

        public virtual Task<CheckoutApiException> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken) =>
            CheckoutCall.ErrorAsync(response, metadata, Description, cancellationToken);
    }

    /// <summary>An error status with a documented body, read into <typeparamref name="TError"/> when it can be.</summary>
    protected internal sealed class ErrorAnswer<TError> : ErrorAnswer
    {
        public ErrorAnswer(string description) : base(description)
        {
        }

        public override Task<CheckoutApiException> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken) =>
            CheckoutCall.ErrorAsync<TError>(response, metadata, Description, CheckoutJson.Serializer, cancellationToken);
    }
}

/// <summary>An operation whose successes give a <typeparamref name="TResult"/>.</summary>
internal abstract class CheckoutEndpoint<TResult> : CheckoutEndpoint
{
    protected CheckoutEndpoint(string operationId, string? accept) : base(operationId, accept)
    {
    }

    /// <summary>A documented error status without a body type.</summary>
    public CheckoutEndpoint<TResult> Error(int status, string description)
    {
        AddError(status, new ErrorAnswer(description));
        return this;
    }

    /// <summary>A documented error status whose body reads as <typeparamref name="TError"/>.</summary>
    public CheckoutEndpoint<TResult> Error<TError>(int status, string description)
    {
        AddError(status, new ErrorAnswer<TError>(description));
        return this;
    }

    /// <summary>The operation's <c>default</c> response: the body type of every status not listed.</summary>
    public CheckoutEndpoint<TResult> Otherwise<TError>(string description)
    {
        SetOtherwise(new ErrorAnswer<TError>(description));
        return this;
    }

    /// <summary>Whether <paramref name="status"/> is a success of this operation.</summary>
    public virtual bool IsSuccess(int status) => status is >= 200 and < 300;

    /// <summary>Reads a success into the result.</summary>
    public abstract Task<TResult> ReadAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken);

    /// <summary>Whether the result took over the response (a live file stream), which the invoker then must not dispose.</summary>
    public virtual bool TookOver(TResult result) => false;
}
