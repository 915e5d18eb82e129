using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;

namespace Checkout.Generated.Internal;

/// <summary>The generated clients, found by reflection: exported classes with a <c>(HttpClient)</c> constructor whose methods carry <see cref="CheckoutOperationAttribute"/>.</summary>
internal sealed class CheckoutClientTypes
{
    private static readonly Lazy<IReadOnlyList<CheckoutClientTypes>> Discovered = new(Discover);
    private readonly ConstructorInfo _constructor;

    private CheckoutClientTypes(Type implementation, Type? contract, ConstructorInfo constructor)
    {
        Implementation = implementation;
        Contract = contract;
        _constructor = constructor;
    }

    /// <summary>Every generated client.</summary>
    public static IReadOnlyList<CheckoutClientTypes> All => Discovered.Value;

    /// <summary>The client class, e.g. <c>PaymentsClient</c>.</summary>
    public Type Implementation { get; }

    /// <summary>Its interface, e.g. <c>IPaymentsClient</c>, when it has one.</summary>
    public Type? Contract { get; }

    /// <summary>The client for <paramref name="type"/> (class or interface), or null when it is not a generated client.</summary>
    public static CheckoutClientTypes? For(Type type) => All.FirstOrDefault(c => c.Implementation == type || c.Contract == type);

    /// <summary>A client instance sending through <paramref name="httpClient"/>.</summary>
    public object Create(HttpClient httpClient) => _constructor.Invoke(new object[] { httpClient });

    private static IReadOnlyList<CheckoutClientTypes> Discover()
    {
        var found = new List<CheckoutClientTypes>();
        foreach (var type in typeof(CheckoutOperation).Assembly.GetExportedTypes())
        {
            if (!type.IsClass || type.IsAbstract) continue;
            var constructor = type.GetConstructor(new[] { typeof(HttpClient) });
            if (constructor is null) continue;
            var isClient = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Any(m => m.GetCustomAttribute<CheckoutOperationAttribute>() is not null);
            if (!isClient) continue;
            var contract = type.GetInterfaces().FirstOrDefault(i => i.Name == "I" + type.Name);
            found.Add(new CheckoutClientTypes(type, contract, constructor));
        }

        return found;
    }
}
