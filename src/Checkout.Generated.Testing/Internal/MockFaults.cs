using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Checkout.Generated.Testing.Internal;

/// <summary>The faults injected into the local server: which request takes one (by count and probability) and its delay.</summary>
internal sealed class MockFaults
{
    private readonly List<CheckoutMockFault> _faults = new();
    private readonly CheckoutMockServerOptions _options;
    private readonly Random _random;

    public MockFaults(CheckoutMockServerOptions options)
    {
        _options = options;
        _random = options.FaultSeed is { } seed ? new Random(seed) : new Random();
    }

    public void Add(CheckoutMockFault fault)
    {
        lock (_faults) _faults.Add(fault);
    }

    public CheckoutMockFault? Take(string operationId)
    {
        lock (_faults)
        {
            // One roll per request: faults with a probability share it, so their chances add up and at most one applies.
            var roll = _random.NextDouble();
            var cumulative = 0.0;
            foreach (var fault in _faults)
            {
                if (fault.Times <= 0 || (fault.OperationId is not null && fault.OperationId != operationId)) continue;
                cumulative += fault.Probability;
                if (roll >= cumulative) continue;
                if (fault.Times != int.MaxValue && --fault.Times == 0) _faults.Remove(fault);
                fault.Count();
                return fault;
            }

            return null;
        }
    }

    /// <summary>Waits for the fault's delay; false when the client gave up meanwhile.</summary>
    public async Task<bool> DelayAsync(CheckoutMockFault fault, HttpContext context)
    {
        if (fault.Delay <= TimeSpan.Zero) return true;
        try
        {
            await Task.Delay(fault.Delay, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
