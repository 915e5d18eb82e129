using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

/// <summary>The generated list enumerators, found by their paging marks in the spec, and a way to read them to the end.</summary>
internal static class PagingFixture
{
    public static readonly ExampleComposer Composer = new();

    /// <summary>The paged list of this style whose items have all of <paramref name="itemProperties"/>, or an ignore naming what is missing.</summary>
    public static (CheckoutOperation Operation, MethodInfo Enumerator) PagedList(string style, string path, params string[] itemProperties)
    {
        foreach (var operation in CheckoutOperationCatalog.All.Where(o => o.Method == "GET" && o.PathTemplate == path))
        {
            var node = Composer.Operation(operation.Id);
            if ((string?)node["x-checkout-paging"] != style) continue;
            var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.PropertyType;
            var method = client.GetMethod((string)node["x-checkout-paging-method"]! + "Async")!;
            var item = method.ReturnType.GetGenericArguments()[0];
            if (itemProperties.All(p => item.GetProperty(p) is not null)) return (operation, method);
        }

        throw new IgnoreException($"this spec release has no {style}-paged GET {path} with items carrying {string.Join(", ", itemProperties)}");
    }

    /// <summary>Calls the enumerator on <paramref name="client"/> as a user would, arguments by parameter name; the rest keep their defaults.</summary>
    public static IAsyncEnumerable<object> EnumerateOn(object client, MethodInfo method, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken = default)
    {
        var values = method.GetParameters().Select(p =>
            p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : arguments.TryGetValue(p.Name!, out var value) ? value
            : p.DefaultValue is DBNull ? throw new InvalidOperationException($"{method.Name} needs {p.Name}") : p.DefaultValue).ToArray();
        return (IAsyncEnumerable<object>)method.Invoke(client, values)!;
    }

    /// <summary>Every item the enumerator yields, as the JSON it serialises to.</summary>
    public static async Task<List<JObject>> AllAsync(IAsyncEnumerable<object> items)
    {
        var all = new List<JObject>();
        await foreach (var item in items) all.Add(JObject.Parse(CheckoutJson.Serialize(item)));
        return all;
    }
}
