using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>
/// What a hand-written integration does with a plain <see cref="HttpClient"/> and Newtonsoft: the request serialised to a
/// string, a secret key and a fresh idempotency key on the headers, the answer deserialised from the body's stream.
/// </summary>
internal sealed class RawCheckout
{
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly JsonSerializerSettings _settings;
    private readonly JsonSerializer _serializer;

    /// <summary>Sends through <paramref name="transport"/> to <paramref name="baseAddress"/> (default: the fixture's api host).</summary>
    public RawCheckout(HttpMessageHandler transport, JsonSerializerSettings settings, Uri? baseAddress = null)
    {
        _http = new HttpClient(transport, disposeHandler: false) { BaseAddress = baseAddress ?? Fixtures.ApiBase };
        _authorization = new AuthenticationHeaderValue("Bearer", Fixtures.SecretKey);
        _settings = settings;
        _serializer = JsonSerializer.Create(settings);
    }

    public async Task<TResponse> PostPaymentAsync<TResponse>(object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "payments")
        {
            Content = new StringContent(JsonConvert.SerializeObject(request, _settings), Encoding.UTF8, "application/json"),
        };
        message.Headers.Authorization = _authorization;
        message.Headers.TryAddWithoutValidation("Cko-Idempotency-Key", Guid.NewGuid().ToString("D"));
        using var response = await _http.SendAsync(message).ConfigureAwait(false);
        return await ReadAsync<TResponse>(response).ConfigureAwait(false);
    }

    public async Task<TResponse> GetPaymentAsync<TResponse>(string id)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "payments/" + Uri.EscapeDataString(id));
        message.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(message).ConfigureAwait(false);
        return await ReadAsync<TResponse>(response).ConfigureAwait(false);
    }

    /// <summary>GET /payments/{id} into <paramref name="model"/>.</summary>
    public async Task<object> GetPaymentAsync(string id, Type model)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "payments/" + Uri.EscapeDataString(id));
        message.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(message).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var text = new StreamReader(stream, Encoding.UTF8);
        using var reader = new JsonTextReader(text);
        return _serializer.Deserialize(reader, model) ?? throw new InvalidOperationException($"The {model.Name} body is null.");
    }

    private async Task<TResponse> ReadAsync<TResponse>(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var text = new StreamReader(stream, Encoding.UTF8);
        using var reader = new JsonTextReader(text);
        return _serializer.Deserialize<TResponse>(reader) ?? throw new InvalidOperationException($"The {typeof(TResponse).Name} body is null.");
    }
}
