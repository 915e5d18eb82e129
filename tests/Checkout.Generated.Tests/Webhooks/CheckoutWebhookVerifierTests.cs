using System;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Webhooks;

[Category("Webhooks")]
public class CheckoutWebhookVerifierTests
{
    private const string Key = "whsec-current-7f3a9c2e41b84d5f";
    private const string PreviousKey = "whsec-previous-0b1c2d3e4f5a6b7c";
    private static readonly byte[] Body = WebhookSigning.Utf8("""{"id":"evt_az5sblvku4ge3dwpztvyizgcau","type":"payment_captured","created_on":"2026-12-01T08:00:00Z","data":{"id":"pay_1","amount":6540}}""");

    private static CheckoutWebhookVerifier Verifier(string? authorization = null, params string[] keys) =>
        new(new CheckoutWebhookOptions { SignatureKeys = keys.Length == 0 ? [Key] : keys, Authorization = authorization });

    [Test]
    public void Verify_ValidSignature_Accepts()
    {
        var result = Verifier().Verify(Body, WebhookSigning.Sign(Key, Body));

        Assert.That(result.IsValid, Is.True, result.Reason);
        Assert.That(result.KeyIndex, Is.Zero);
    }

    [Test]
    public void Verify_UpperCaseHexAndSurroundingSpace_Accepts()
    {
        var result = Verifier().Verify(Body, " " + WebhookSigning.Sign(Key, Body).ToUpperInvariant() + " ");

        Assert.That(result.IsValid, Is.True, result.Reason);
    }

    [Test]
    public void Verify_TamperedBody_RejectsAsMismatch()
    {
        var signature = WebhookSigning.Sign(Key, Body);
        var tampered = WebhookSigning.Utf8(System.Text.Encoding.UTF8.GetString(Body).Replace("6540", "6541", StringComparison.Ordinal));

        var result = Verifier().Verify(tampered, signature);

        Assert.That(result.Rejection, Is.EqualTo(CheckoutWebhookRejection.SignatureMismatch));
        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void Verify_WrongKey_RejectsAsMismatch_WithoutNamingAnyKey()
    {
        var result = Verifier().Verify(Body, WebhookSigning.Sign("some-other-key", Body));

        Assert.That(result.Rejection, Is.EqualTo(CheckoutWebhookRejection.SignatureMismatch));
        Assert.That(result.Reason, Does.Not.Contain(Key).And.Not.Contain("some-other-key"));
        Assert.That(result.KeyIndex, Is.EqualTo(-1));
    }

    [Test]
    public void Verify_SignedWithPreviousKeyDuringRotation_AcceptsAndSaysWhichKey()
    {
        var verifier = Verifier(null, Key, PreviousKey);

        var previous = verifier.Verify(Body, WebhookSigning.Sign(PreviousKey, Body));
        var current = verifier.Verify(Body, WebhookSigning.Sign(Key, Body));

        Assert.That(previous.IsValid, Is.True, previous.Reason);
        Assert.That(previous.KeyIndex, Is.EqualTo(1));
        Assert.That(current.KeyIndex, Is.Zero);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Verify_MissingSignature_RejectsAsMissing(string? signature)
    {
        var result = Verifier().Verify(Body, signature);

        Assert.That(result.Rejection, Is.EqualTo(CheckoutWebhookRejection.MissingSignature));
        Assert.That(result.Reason, Does.Contain("Cko-Signature"));
    }

    [TestCase("abc123")]
    [TestCase("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [TestCase("zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Verify_MalformedSignature_RejectsAsMalformed(string signature)
    {
        var result = Verifier().Verify(Body, signature);

        Assert.That(result.Rejection, Is.EqualTo(CheckoutWebhookRejection.MalformedSignature));
        Assert.That(result.Reason, Does.Contain("64"));
    }

    [Test]
    public void Verify_BodyWhoseNumbersChangeWhenReserialised_VerifiesTheRawBytes()
    {
        // 1.10 and 1e2 and a 20-digit integer and escaped text do not survive a parse and re-serialise byte for byte.
        var raw = WebhookSigning.Utf8("{\"id\":\"evt_1\",\"type\":\"payment_captured\",\"data\":{\"amount\":1.10,\"fx\":1e2,\"big\":12345678901234567890123,\"text\":\"caf\\u00e9\"}}");
        var signature = WebhookSigning.Sign(Key, raw);
        var reserialised = WebhookSigning.Utf8(JsonConvert.SerializeObject(JObject.Parse(System.Text.Encoding.UTF8.GetString(raw)), Formatting.None));
        Assume.That(reserialised, Is.Not.EqualTo(raw), "the re-serialised body must differ for this test to mean anything");

        Assert.That(Verifier().Verify(raw, signature).IsValid, Is.True);
        Assert.That(Verifier().Verify(reserialised, signature).Rejection, Is.EqualTo(CheckoutWebhookRejection.SignatureMismatch));
    }

    [Test]
    public void Verify_AuthorizationConfigured_ChecksTheHeader()
    {
        var verifier = Verifier("Bearer 5f1c0b0e-shared");
        var signature = WebhookSigning.Sign(Key, Body);

        Assert.Multiple(() =>
        {
            Assert.That(verifier.Verify(Body, signature, "Bearer 5f1c0b0e-shared").IsValid, Is.True);
            Assert.That(verifier.Verify(Body, signature, null).Rejection, Is.EqualTo(CheckoutWebhookRejection.MissingAuthorization));
            Assert.That(verifier.Verify(Body, signature, "Bearer other").Rejection, Is.EqualTo(CheckoutWebhookRejection.AuthorizationMismatch));
            Assert.That(verifier.Verify(Body, signature, "Bearer other").Reason, Does.Not.Contain("5f1c0b0e"));
        });
    }

    [Test]
    public void Verify_AuthorizationNotConfigured_IgnoresTheHeader()
    {
        Assert.That(Verifier().Verify(Body, WebhookSigning.Sign(Key, Body), "anything").IsValid, Is.True);
    }

    [Test]
    public void Constructor_NoKeyOrEmptyKey_ThrowsSayingWhatToSet()
    {
        var none = Assert.Throws<ArgumentException>(() => _ = new CheckoutWebhookVerifier(new CheckoutWebhookOptions()));
        var empty = Assert.Throws<ArgumentException>(() => _ = new CheckoutWebhookVerifier(new CheckoutWebhookOptions { SignatureKeys = [Key, ""] }));

        Assert.That(none!.Message, Does.Contain("SignatureKeys"));
        Assert.That(empty!.Message, Does.Contain("empty key"));
    }

    [Test]
    public void Options_ToString_RedactsKeysAndAuthorization()
    {
        var text = new CheckoutWebhookOptions { SignatureKeys = [Key, PreviousKey], Authorization = "Bearer 5f1c0b0e-shared" }.ToString();

        Assert.That(text, Does.Contain("2 key(s)"));
        Assert.That(new[] { Key, PreviousKey, "5f1c0b0e" }.Where(text.Contains), Is.Empty, text);
    }
}
