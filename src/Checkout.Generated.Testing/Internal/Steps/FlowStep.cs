using System;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>The stateful flows: the payment lifecycle and disputes answer their operations from their ledgers.</summary>
internal sealed class FlowStep(MockPaymentFlow payments, MockDisputeFlow disputes, Func<string, int, JToken?> example) : IMockStep
{
    public Task InvokeAsync(MockRequest request, Func<Task> next)
    {
        var id = request.Operation.Id;
        var body = request.Body as JObject ?? new JObject();
        if (payments.StepOf(id) is { } step)
        {
            var site = new Uri($"{request.Request.Scheme}://{request.Request.Host}/");
            return payments.AnswerAsync(request.Response, step, request.Parameters, request.Query(), body, status => example(id, status), site);
        }

        if (disputes.StepOf(id) is { } disputeStep)
            return disputes.AnswerAsync(request.Response, disputeStep, request.Parameters, request.Query(), body, status => example(id, status));

        return next();
    }
}
