namespace Checkout.Generated;

/// <summary>The Checkout.com environment a client talks to.</summary>
public enum CheckoutEnvironment
{
    /// <summary>The sandbox (<c>*.sandbox.checkout.com</c>), for keys starting <c>sk_sbox_</c>/<c>pk_sbox_</c>.</summary>
    Sandbox = 0,

    /// <summary>The live environment (<c>*.checkout.com</c>).</summary>
    Production = 1,
}
