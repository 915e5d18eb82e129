using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Finds the catalog operation of the host, method and path (404 when none), and counts it.</summary>
internal sealed class RoutingStep(OperationRoutes routes, ConcurrentDictionary<string, int> counts) : IMockStep
{
    public Task InvokeAsync(MockRequest request, Func<Task> next)
    {
        var operation = routes.Match(request.Host, request.Request.Method, request.Request.Path.Value ?? "/", out var parameters);
        if (operation is null)
        {
            request.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        counts.AddOrUpdate(operation.Id, 1, (_, n) => n + 1);
        request.Operation = operation;
        request.Parameters = parameters;
        return next();
    }
}
