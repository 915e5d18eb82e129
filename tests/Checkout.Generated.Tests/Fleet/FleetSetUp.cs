using NUnit.Framework;

namespace Checkout.Generated.Tests.Fleet;

/// <summary>Stops the Fleet tests' redis-server after the last of them.</summary>
[SetUpFixture]
public sealed class FleetSetUp
{
    [OneTimeTearDown]
    public void StopRedis() => RedisServer.StopShared();
}
