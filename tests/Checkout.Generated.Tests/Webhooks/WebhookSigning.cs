using System;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Generated.Tests.Webhooks;

/// <summary>Signs bodies the way Checkout.com does (HMAC-SHA256, hex), independently of the library.</summary>
internal static class WebhookSigning
{
    public static string Sign(string key, byte[] body) => Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body)).ToLowerInvariant();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
