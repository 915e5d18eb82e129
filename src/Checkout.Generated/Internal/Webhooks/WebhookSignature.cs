using System.Security.Cryptography;
using System.Text;

namespace Checkout.Generated.Internal;

/// <summary>HMAC-SHA256 signatures of webhook bodies, hex parsing and constant-time comparison.</summary>
internal static class WebhookSignature
{
    public const int Length = 32;

    /// <summary>The index of the key whose HMAC of the body is <paramref name="received"/>, or -1. Every key is tried, whatever matches.</summary>
    public static int MatchingKey(byte[][] keys, byte[] body, byte[] received)
    {
        var matched = -1;
        for (var i = keys.Length - 1; i >= 0; i--)
        {
            if (FixedTimeEquals(Hmac(keys[i], body), received)) matched = i;
        }
        return matched;
    }

    /// <summary>Compares two digests of equal length without an early exit (netstandard2.0 has no CryptographicOperations.FixedTimeEquals).</summary>
    public static bool FixedTimeEquals(byte[] left, byte[] right)
    {
        if (left.Length != right.Length) return false;
        var difference = 0;
        for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
        return difference == 0;
    }

    /// <summary>A fixed-length digest of a configured value, so that comparing it reveals neither content nor length.</summary>
    public static byte[] Digest(string value)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Parses 64 hex digits (either case).</summary>
    public static bool TryParseHex(string hex, out byte[] bytes)
    {
        bytes = new byte[Length];
        if (hex.Length != Length * 2) return false;
        for (var i = 0; i < Length; i++)
        {
            var high = Nibble(hex[2 * i]);
            var low = Nibble(hex[2 * i + 1]);
            if ((high | low) < 0) return false;
            bytes[i] = (byte)((high << 4) | low);
        }
        return true;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static byte[] Hmac(byte[] key, byte[] body)
    {
#if NET6_0_OR_GREATER
        return HMACSHA256.HashData(key, body);
#else
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(body);
#endif
    }
}
