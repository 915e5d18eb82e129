using System.Net.Http;

namespace Checkout.Generated.Internal;

/// <summary>Implements <see cref="ICheckoutClient"/>; the generated half creates each client on first use, all sending through one <see cref="HttpClient"/>.</summary>
internal sealed partial class CheckoutClient : ICheckoutClient
{
    private readonly HttpClient _httpClient;

    public CheckoutClient(HttpClient httpClient) => _httpClient = httpClient;
}
