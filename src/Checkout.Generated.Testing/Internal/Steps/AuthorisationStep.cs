using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Checkout.Generated.Testing.Internal;

/// <summary>The token endpoint issues tokens; every other operation needs a credential it accepts (401 otherwise).</summary>
internal sealed class AuthorisationStep(MockAuthority authority) : IMockStep
{
    public Task InvokeAsync(MockRequest request, Func<Task> next)
    {
        var operation = request.Operation;
        if (operation.Credentials == CheckoutCredentialKinds.None && operation.Host == "access") return authority.IssueTokenAsync(request.Context);
        if (authority.Authorised(request.Request, operation)) return next();

        request.Response.StatusCode = StatusCodes.Status401Unauthorized;
        request.Response.Headers["WWW-Authenticate"] = "Bearer";
        return Task.CompletedTask;
    }
}
