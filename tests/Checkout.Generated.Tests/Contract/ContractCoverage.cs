using System.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Contract;

/// <summary>Prints, after the contract cases ran, how many operations of the spec they covered.</summary>
[SetUpFixture]
public class ContractCoverage
{
    [OneTimeTearDown]
    public void PrintSummary()
    {
        if (ContractCases.CaseOperations.IsEmpty) return;
        var counts = ContractCases.CaseOperations.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.Count());
        var all = CheckoutOperationCatalog.All;
        var covered = all.Count(o => counts.ContainsKey(o.Id));
        var total = all.Sum(o => counts.TryGetValue(o.Id, out var n) ? n : 0);
        TestContext.Progress.WriteLine($"Contract coverage: {covered}/{all.Count} operations of the spec (sha256 {CheckoutOperationCatalog.Spec.Sha256.Substring(0, 12)}), {total} cases ({(double)total / all.Count:0.0} per operation).");
        foreach (var operation in all)
        {
            TestContext.Progress.WriteLine($"  {operation.Id,-40} {(counts.TryGetValue(operation.Id, out var n) ? n : 0),4} cases  {operation}");
        }
    }
}
