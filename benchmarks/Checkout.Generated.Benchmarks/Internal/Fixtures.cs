using System;
using System.Net.Http;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>The account, credentials and clients every request benchmark shares (fake sandbox values).</summary>
internal static class Fixtures
{
    public const string Prefix = "vkuhvk4v";
    public const string PaymentId = "pay_mbabizu24mvu3mela5njyhpit4";
    public const string SecretKey = "sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e";
    public const string AccessToken = "bench-access-token";

    /// <summary>The composed api host, the bare baseline's base address too.</summary>
    public static readonly Uri ApiBase = new("https://" + Prefix + ".api.sandbox.checkout.com/");

    /// <summary>The model the payment details call reads into, whatever the spec release names it.</summary>
    public static readonly Type DetailsModel = typeof(IPaymentsClient).GetMethod(nameof(IPaymentsClient.GetPaymentDetailsAsync))!.ReturnType.GetGenericArguments()[0];

    public static StubHandler NewStub(bool asynchronous = false) => new(Payloads.SmallPaymentDetails, Payloads.Token, asynchronous);

    public static CheckoutOptions SecretKeyOptions() => new() { AccountPrefix = Prefix, SecretKey = SecretKey };

    public static CheckoutOptions OAuthOptions(TimeProvider? time = null) => new()
    {
        AccountPrefix = Prefix,
        AccessKeyId = "ack_bench4v7cf3gfd46xr4yj5xo4e",
        AccessKeySecret = "bench-access-key-secret",
        TimeProvider = time,
    };

    /// <summary>The generated client on a plain HttpClient: what the handwritten layer is compared with.</summary>
    public static HttpClient BareHttpClient(StubHandler stub) => new(stub, disposeHandler: false) { BaseAddress = ApiBase };

    /// <summary>Fails the run unless the last request went to the api host with the expected credential (null: none).</summary>
    public static void Verify(StubHandler stub, string? expectedCredential)
    {
        var expectedUri = new Uri(ApiBase, "payments/" + PaymentId);
        if (stub.LastApiUri != expectedUri)
            throw new InvalidOperationException($"The request went to {stub.LastApiUri}, expected {expectedUri}.");
        var credential = stub.LastAuthorization?.Parameter;
        if (credential != expectedCredential || (expectedCredential is not null && stub.LastAuthorization!.Scheme != "Bearer"))
            throw new InvalidOperationException($"The request carried an unexpected Authorization header (expected {(expectedCredential is null ? "none" : "a Bearer credential")}).");
    }
}
