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
            Address_line1 = "123 High St.",
            Address_line2 = "Flat 4",
            City = "London",
            State = "London",
            Zip = "SW1A 1AA",
            Country = "GB",
        };
        var phone = new PhoneNumber { Country_code = "+44", Number = "4155552671" };
        return new PaymentRequest
        {
            Source = new _03_PaymentRequestCardSource
            {
                Number = "4242424242424242",
                Expiry_month = 6,
                Expiry_year = 2030,
                Name = "Sarah Mitchell",
                Cvv = "100",
                Billing_address = address,
                Phone = phone,
            },
            Amount = 6540,
            Currency = "GBP",
            Reference = "ORD-5023-4E89",
            Description = "Set of 3 masks",
            Capture = true,
            Customer = new CustomerRequest { Email = "sarah.mitchell@example.com", Name = "Sarah Mitchell" },
            Billing_descriptor = new BillingDescriptor { Name = "SUPERHEROES.COM", City = "GOTHAM", Reference = "ORD-5023" },
            Shipping = new Shipping7 { Address = address, Phone = phone },
            _3ds = new _3dsRequest { Enabled = true, Attempt_n3d = true, Challenge_indicator = "no_preference" },
            Processing_channel_id = "pc_q4dbxom5jbgudnjzjpz7j2z6uq",
            Risk = new RiskRequest { Enabled = true, Device_session_id = "dsid_ipsmclhxwq72phhr32iwfvrflm" },
            Success_url = new Uri("https://example.com/payments/success"),
            Failure_url = new Uri("https://example.com/payments/failure"),
            Payment_ip = "90.197.169.245",
            Processing = new PaymentRequestProcessingSettings { Order_id = "ORD-5023", Tax_amount = 1090, Shipping_amount = 300 },
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
