using System;
using System.Collections.Generic;
using System.Linq;
using Checkout.Generated.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Contract;

[Category("Contract")]
public class ContractCoverageTests
{
    [Test]
    public void Cases_EveryCatalogOperation_HasARequestCaseAndTwoCasesOnAverage()
    {
        var requests = ContractCases.Requests().Select(c => (string)c.Arguments[0]!).ToList();
        var all = requests.Concat(ContractCases.Responses().Select(c => (string)c.Arguments[0]!)).Concat(ContractCases.Errors().Select(c => (string)c.Arguments[0]!)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(CheckoutOperationCatalog.All.Where(o => !requests.Contains(o.Id)).Select(o => o.Id), Is.Empty, "operations with no request case");
            Assert.That(CheckoutOperationCatalog.All.Where(o => OperationCall.MethodOf(o.Id) is null).Select(o => o.Id), Is.Empty, "operations with no generated method");
            Assert.That((double)all.Count / CheckoutOperationCatalog.All.Count, Is.GreaterThanOrEqualTo(2.0), "cases per operation");
        });
    }

    [Test]
    public void Cases_EveryDiscriminatorSubtypeMet_AppearsInACase()
    {
        var examples = ContractCases.Requests().Select(c => c.Arguments[2]).Concat(ContractCases.Responses().Select(c => c.Arguments[2])).OfType<ComposedExample>().ToList();
        var met = new HashSet<string>(examples.SelectMany(e => e.SubtypeAlternatives), StringComparer.Ordinal);
        var used = new HashSet<string>(examples.SelectMany(e => e.Subtypes), StringComparer.Ordinal);

        Assert.That(met, Is.Not.Empty, "the spec's discriminators were not met");
        Assert.That(met.Except(used).OrderBy(s => s, StringComparer.Ordinal), Is.Empty, "discriminator subtypes no case uses");
    }
}
