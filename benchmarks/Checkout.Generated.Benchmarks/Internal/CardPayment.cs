using Checkout.Generated.Models;
using System;
using System.Collections.Generic;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>A full card payment request as a merchant composes it: card, addresses, customer, 3DS, risk, metadata.</summary>
internal static class CardPayment
{
    public static PaymentRequest Compose()
    {
        var address = new Address
        {
            AddressLine1 = "123 High St.",
            AddressLine2 = "Flat 4",
            City = "London",
            State = "London",
            Zip = "SW1A 1AA",
            Country = "GB",
        };
        var phone = new PhoneNumber { CountryCode = "+44", Number = "4155552671" };
        return new PaymentRequest
        {
            Source = new PaymentRequestCardSource
            {
                Number = "4242424242424242",
                ExpiryMonth = 6,
                ExpiryYear = 2030,
                Name = "Sarah Mitchell",
                Cvv = "100",
                BillingAddress = address,
                Phone = phone,
            },
            Amount = 6540,
            Currency = "GBP",
            Reference = "ORD-5023-4E89",
            Description = "Set of 3 masks",
            Capture = true,
            Customer = new CustomerRequest { Email = "sarah.mitchell@example.com", Name = "Sarah Mitchell" },
            BillingDescriptor = new BillingDescriptor { Name = "SUPERHEROES.COM", City = "GOTHAM", Reference = "ORD-5023" },
            Shipping = new PaymentRequestShipping { Address = address, Phone = phone },
            ThreeDs = new DsRequest { Enabled = true, AttemptN3d = true, ChallengeIndicator = "no_preference" },
            ProcessingChannelId = "pc_q4dbxom5jbgudnjzjpz7j2z6uq",
            Risk = new RiskRequest { Enabled = true, DeviceSessionId = "dsid_ipsmclhxwq72phhr32iwfvrflm" },
            SuccessUrl = new Uri("https://example.com/payments/success"),
            FailureUrl = new Uri("https://example.com/payments/failure"),
            PaymentIp = "90.197.169.245",
            Processing = new PaymentRequestProcessingSettings { OrderId = "ORD-5023", TaxAmount = 1090, ShippingAmount = 300 },
            Metadata = new Dictionary<string, object>
            {
                ["coupon_code"] = "NY2026",
                ["partner_id"] = 123989,
                ["basket_id"] = "bsk_8f2e1c",
                ["channel"] = "web",
            },
        };
    }
}
