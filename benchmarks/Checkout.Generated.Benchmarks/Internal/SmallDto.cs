using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>
/// The "small DTO" of the comparison: what an application hand-writes for the fields of the committed card payment it sends
/// and the few fields of the answer it reads, with plain Newtonsoft settings (snake_case names, nulls left out).
/// </summary>
internal static class SmallDto
{
    public static JsonSerializerSettings Settings { get; } = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        NullValueHandling = NullValueHandling.Ignore,
    };

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    internal sealed class PaymentRequest
    {
        public CardSource? Source { get; set; }
        public long Amount { get; set; }
        public string? Currency { get; set; }
        public string? Reference { get; set; }
        public string? Description { get; set; }
        public bool? Capture { get; set; }
        public Customer? Customer { get; set; }
        public BillingDescriptor? BillingDescriptor { get; set; }
        public Shipping? Shipping { get; set; }
        [JsonProperty("3ds")]
        public ThreeDs? ThreeDs { get; set; }
        public string? ProcessingChannelId { get; set; }
        public Risk? Risk { get; set; }
        public string? SuccessUrl { get; set; }
        public string? FailureUrl { get; set; }
        public string? PaymentIp { get; set; }
        public Processing? Processing { get; set; }
        public Dictionary<string, object>? Metadata { get; set; }
    }

    internal sealed class CardSource
    {
        public string Type { get; set; } = "card";
        public string? Number { get; set; }
        public int ExpiryMonth { get; set; }
        public int ExpiryYear { get; set; }
        public string? Name { get; set; }
        public string? Cvv { get; set; }
        public Address? BillingAddress { get; set; }
        public Phone? Phone { get; set; }
    }

    internal sealed class Address
    {
        public string? AddressLine1 { get; set; }
        public string? AddressLine2 { get; set; }
        public string? City { get; set; }
        public string? State { get; set; }
        public string? Zip { get; set; }
        public string? Country { get; set; }
    }

    internal sealed class Phone
    {
        public string? CountryCode { get; set; }
        public string? Number { get; set; }
    }

    internal sealed class Customer
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
    }

    internal sealed class BillingDescriptor
    {
        public string? Name { get; set; }
        public string? City { get; set; }
        public string? Reference { get; set; }
    }

    internal sealed class Shipping
    {
        public Address? Address { get; set; }
        public Phone? Phone { get; set; }
    }

    internal sealed class ThreeDs
    {
        public bool Enabled { get; set; }
        [JsonProperty("attempt_n3d")]
        public bool AttemptN3d { get; set; }
        public string? ChallengeIndicator { get; set; }
    }

    internal sealed class Risk
    {
        public bool Enabled { get; set; }
        public string? DeviceSessionId { get; set; }
    }

    internal sealed class Processing
    {
        public string? OrderId { get; set; }
        public long TaxAmount { get; set; }
        public long ShippingAmount { get; set; }
    }

    /// <summary>The fields of a 201 or a payment-details answer that an order page reads.</summary>
    internal sealed class Payment
    {
        public string? Id { get; set; }
        public string? ActionId { get; set; }
        public long Amount { get; set; }
        public string? Currency { get; set; }
        public bool Approved { get; set; }
        public string? Status { get; set; }
        public string? ResponseCode { get; set; }
        public string? Reference { get; set; }
    }
}
