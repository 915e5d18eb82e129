using System.Net.Http;
using Newtonsoft.Json;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>Exposes the serializer settings the generated clients use, so the JSON benchmarks match a real call.</summary>
internal sealed class SerializerSettingsProbe : PaymentsClient
{
    private SerializerSettingsProbe()
        : base(new HttpClient())
    {
    }

    public static JsonSerializerSettings Settings { get; } = new SerializerSettingsProbe().JsonSerializerSettings;
}
