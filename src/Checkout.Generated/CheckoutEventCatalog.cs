using System;
using System.Collections.Generic;

namespace Checkout.Generated;

/// <summary>The webhook event types the spec names, and the generated model each one's <c>data</c> is read as.</summary>
public static partial class CheckoutEventCatalog
{
    private static readonly string[] Types = CreateEventTypes();
    private static readonly Dictionary<string, Type> DataTypes = CreateDataTypes();

    /// <summary>Every event type the spec names (<c>payment_approved</c>, <c>dispute_won</c>, …), in spec order.</summary>
    public static IReadOnlyList<string> EventTypes => Types;

    /// <summary>The model the data of this event type is read as, or null when the spec does not describe it (the data stays JSON).</summary>
    public static Type? DataTypeOf(string eventType) =>
        DataTypes.TryGetValue(eventType ?? throw new ArgumentNullException(nameof(eventType)), out var type) ? type : null;

    private static partial string[] CreateEventTypes();

    private static partial Dictionary<string, Type> CreateDataTypes();
}
