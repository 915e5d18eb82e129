using System.Security.Cryptography;

namespace Checkout.Generated.Codegen;

/// <summary>The hash that says whether generation inputs changed since the last run.</summary>
internal static class Stamp
{
    /// <summary>Everything generation depends on: the spec, this tool's build, NSwag's config and the templates.</summary>
    public static string Of(byte[] spec, Options options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(spec);
        hash.AppendData(typeof(Stamp).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in new[] { options.NSwagConfig, options.NSwagDll }.Concat(Directory.Exists(options.Templates) ? Directory.GetFiles(options.Templates).Order(StringComparer.Ordinal) : []))
        {
            if (File.Exists(file)) hash.AppendData(File.ReadAllBytes(file));
        }
        if (options.Lock is not null && File.Exists(options.Lock)) hash.AppendData(File.ReadAllBytes(options.Lock));
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(options.Namespace));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
