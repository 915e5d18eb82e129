using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Checkout.Generated.Internal;

/// <summary>
/// The primary handler an HTTP client's configuration gives (<c>ConfigurePrimaryHttpMessageHandler</c>: a proxy, client
/// certificates, a test double), found by running its configuration on a builder that is never built. The token back
/// channel sends over it, so that token requests leave the way API calls do without passing the API's handlers.
/// </summary>
internal sealed class PrimaryHandlerProbe : HttpMessageHandlerBuilder
{
    private PrimaryHandlerProbe(IServiceProvider services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>The primary handler configured for the client <paramref name="name"/>, or null when it keeps the default.</summary>
    public static HttpMessageHandler? Of(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name);
        var probe = new PrimaryHandlerProbe(services, name);
        foreach (var action in options.HttpMessageHandlerBuilderActions) action(probe);
        return probe.PrimaryHandler;
    }

    /// <inheritdoc />
    public override string? Name { get; set; }

    /// <inheritdoc />
    public override HttpMessageHandler PrimaryHandler { get; set; } = null!;

    /// <inheritdoc />
    public override IList<DelegatingHandler> AdditionalHandlers { get; } = new List<DelegatingHandler>();

    /// <inheritdoc />
    public override IServiceProvider Services { get; }

    /// <inheritdoc />
    public override HttpMessageHandler Build() => throw new NotSupportedException("A probe is never built.");
}
