using System;
using System.Collections.Generic;
using System.Net.Http.Headers;

namespace Checkout.Generated.Internal;

/// <summary>The per-operation decision (host and credential), computed once per operation.</summary>
internal sealed class OperationPlan
{
    private readonly string? _denial;

    private OperationPlan(CheckoutOperation operation, Uri baseAddress, AuthMode mode, string? scope, AuthenticationHeaderValue? keyHeader, string? denial)
    {
        Operation = operation;
        BaseAddress = baseAddress;
        Mode = mode;
        Scope = scope;
        KeyHeader = keyHeader;
        _denial = denial;
        AcceptsCallerAuthorization = (operation.Credentials & CheckoutCredentialKinds.Other) != 0;
    }

    /// <summary>Whether the operation is served at the OAuth token URL (its form is completed from the options, <see cref="TokenRequestDefaults"/>).</summary>
    public bool IsTokenRequest { get; private set; }

    public CheckoutOperation Operation { get; }

    /// <summary>The base URL of the operation's host, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    public AuthMode Mode { get; }

    /// <summary>The scope to request a token for (OAuth); empty when the operation declares none.</summary>
    public string? Scope { get; }

    /// <summary>The Authorization header for the key modes.</summary>
    public AuthenticationHeaderValue? KeyHeader { get; }

    /// <summary>Whether a caller-set Authorization header (a session secret) is kept as it is.</summary>
    public bool AcceptsCallerAuthorization { get; }

    /// <summary>A fresh exception explaining why the operation cannot be called.</summary>
    public CheckoutAuthorizationException Denial() =>
        new(_denial ?? $"Operation '{Operation.Id}' cannot be called.", Operation.Id, Operation.Credentials, Operation.Scopes);

    /// <summary>Decides host and credential for an operation under validated settings.</summary>
    public static OperationPlan Create(CheckoutOperation operation, CheckoutSettings settings)
    {
        var baseAddress = settings.BaseAddressFor(operation.Host);
        var accepts = operation.Credentials;
        if (accepts == CheckoutCredentialKinds.None)
            return new(operation, baseAddress, AuthMode.None, null, null, null) { IsTokenRequest = IsAtTokenUrl(operation, baseAddress, settings) };

        string? scopeDenial = null;
        if ((accepts & CheckoutCredentialKinds.OAuth) != 0 && settings.HasOAuth)
        {
            var scope = ScopeSelector.Select(operation.Scopes, settings.GrantedScopes);
            if (scope is not null) return new(operation, baseAddress, AuthMode.OAuth, scope, null, null);
            scopeDenial = $"Operation '{operation.Id}' ({operation.Method} {operation.PathTemplate}) is not allowed by the granted scopes " +
                $"({string.Join(", ", settings.GrantedScopes)}); a key granted any one of these scopes can call it: {string.Join(", ", operation.Scopes)}.";
        }

        if ((accepts & CheckoutCredentialKinds.SecretKey) != 0 && settings.SecretKeyHeader is not null)
            return new(operation, baseAddress, AuthMode.SecretKey, null, settings.SecretKeyHeader, null);
        if ((accepts & CheckoutCredentialKinds.PublicKey) != 0 && settings.PublicKeyHeader is not null)
            return new(operation, baseAddress, AuthMode.PublicKey, null, settings.PublicKeyHeader, null);

        var denial = scopeDenial ?? MissingCredentials(operation, settings);
        var mode = (accepts & CheckoutCredentialKinds.Other) != 0 ? AuthMode.CallerSupplied : AuthMode.Denied;
        return new(operation, baseAddress, mode, null, null, denial);
    }

    private static bool IsAtTokenUrl(CheckoutOperation operation, Uri baseAddress, CheckoutSettings settings) =>
        operation.Method == "POST" && settings.TokenEndpoint is { } token && operation.PathTemplate.IndexOf('{') < 0
        && new Uri(baseAddress, operation.PathTemplate.TrimStart('/')) == token;

    private static string MissingCredentials(CheckoutOperation operation, CheckoutSettings settings)
    {
        var needs = new List<string>();
        if ((operation.Credentials & CheckoutCredentialKinds.OAuth) != 0)
            needs.Add($"an OAuth access key (AccessKeyId and AccessKeySecret) granted one of: {string.Join(", ", operation.Scopes)}");
        if ((operation.Credentials & CheckoutCredentialKinds.SecretKey) != 0) needs.Add("a secret key (SecretKey)");
        if ((operation.Credentials & CheckoutCredentialKinds.PublicKey) != 0) needs.Add("a public key (PublicKey)");
        if ((operation.Credentials & CheckoutCredentialKinds.Other) != 0) needs.Add("a session secret set by the caller as the Authorization header");

        var have = new List<string>();
        if (settings.HasOAuth) have.Add("an OAuth access key");
        if (settings.SecretKeyHeader is not null) have.Add("a secret key");
        if (settings.PublicKeyHeader is not null) have.Add("a public key");

        return $"Operation '{operation.Id}' ({operation.Method} {operation.PathTemplate}) needs {string.Join(" or ", needs)}; " +
            $"configured: {(have.Count == 0 ? "no credentials" : string.Join(" and ", have))}.";
    }
}
