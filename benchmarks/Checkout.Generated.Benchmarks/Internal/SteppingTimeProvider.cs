using System;
using System.Threading;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>A wall clock the benchmark moves forward to expire cached tokens; timestamps stay real.</summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
