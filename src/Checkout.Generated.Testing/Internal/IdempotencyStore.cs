using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// Checkout's <c>Cko-Idempotency-Key</c> behaviour: a key whose request succeeded replays that answer for the same body;
/// the same key with another body, or while the first request is still being processed, is a 409 conflict.
/// </summary>
/// <remarks>Only 2xx answers are kept, as Checkout documents: after a 4xx or 5xx the key can be used again.</remarks>
internal sealed class IdempotencyStore
{
    private readonly ConcurrentDictionary<(string Operation, string Key), Entry> _entries = new();

    public enum Verdict
    {
        /// <summary>First use of the key: process the request, then call <see cref="Complete"/>.</summary>
        Process,

        /// <summary>The key's request succeeded with the same body: answer with <see cref="Entry.Status"/> and <see cref="Entry.Body"/>.</summary>
        Replay,

        /// <summary>Another body, or the first request is still being processed.</summary>
        Conflict,
    }

    public sealed class Entry
    {
        public Entry(string bodyHash) => BodyHash = bodyHash;

        public string BodyHash { get; }

        public bool Completed { get; set; }

        public int Status { get; set; }

        public byte[] Body { get; set; } = Array.Empty<byte>();

        public string? ContentType { get; set; }
    }

    public Verdict Begin(string operationId, string key, string body, out Entry entry)
    {
        var hash = Hash(body);
        var fresh = new Entry(hash);
        entry = _entries.GetOrAdd((operationId, key), fresh);
        if (ReferenceEquals(entry, fresh)) return Verdict.Process;
        lock (entry)
        {
            return entry.Completed && entry.BodyHash == hash ? Verdict.Replay : Verdict.Conflict;
        }
    }

    /// <summary>Keeps a 2xx answer for replay; anything else frees the key.</summary>
    public void Complete(string operationId, string key, Entry entry, int status, byte[] body, string? contentType)
    {
        if (status is < 200 or >= 300)
        {
            _entries.TryRemove(new System.Collections.Generic.KeyValuePair<(string, string), Entry>((operationId, key), entry));
            return;
        }

        lock (entry)
        {
            entry.Status = status;
            entry.Body = body;
            entry.ContentType = contentType;
            entry.Completed = true;
        }
    }

    private static string Hash(string body)
    {
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(body)));
    }
}
