using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Models;

/// <summary>JSON values arrive in the model and leave it unchanged: instants, strings, integers, decimals, dates.</summary>
[Category("Fidelity")]
public class JsonFidelityTests
{
    private const string PaymentId = "pay_mbabizu24mvu3mela5njyhpit4";

    /// <summary>
    /// GET /payments/{id} answered with <paramref name="body"/> through the whole client stack, read into whichever
    /// model this release's details call returns.
    /// </summary>
    private static async Task<T> AnsweredWith<T>(string body, Func<IPaymentsClient, Task<T>> getDetails)
    {
        using var mock = new StrictMockHttp();
        mock.Expect(HttpMethod.Get, "*/payments/" + PaymentId).Respond("application/json", body);
        using var factory = new CheckoutClientFactory(new CheckoutOptions { AccountPrefix = "vkuhvk4v", SecretKey = "sk_sbox_fidelity" }, mock);
        var details = await getDetails(factory.Create<IPaymentsClient>());
        mock.VerifyNoOutstandingExpectation();
        return details;
    }

    [Test]
    public async Task GetPaymentDetails_TimestampWithOffset_KeepsTheOffsetAndWritesItBack()
    {
        var details = await AnsweredWith("""{"requested_on":"2023-06-15T09:03:01.9998684+02:00"}""", payments => payments.GetPaymentDetailsAsync(PaymentId));

        Assert.That(details.RequestedOn!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That(details.RequestedOn.Value.UtcDateTime, Is.EqualTo(new DateTime(2023, 6, 15, 7, 3, 1, DateTimeKind.Utc).AddTicks(9998684)));
        Assert.That(CheckoutJson.Serialize(details), Is.EqualTo("""{"requested_on":"2023-06-15T09:03:01.9998684+02:00"}"""));
    }

    [Test]
    public async Task GetPaymentDetails_TimestampWithoutOffset_IsUtc()
    {
        var details = await AnsweredWith("""{"requested_on":"2023-06-15T07:03:01.9998684"}""", payments => payments.GetPaymentDetailsAsync(PaymentId));

        Assert.That(details.RequestedOn, Is.EqualTo(new DateTimeOffset(2023, 6, 15, 7, 3, 1, TimeSpan.Zero).AddTicks(9998684)));
        Assert.That(details.RequestedOn!.Value.Offset, Is.EqualTo(TimeSpan.Zero), "not the host's offset");
        Assert.That(CheckoutJson.Serialize(details), Is.EqualTo("""{"requested_on":"2023-06-15T07:03:01.9998684Z"}"""));
    }

    [Test]
    public async Task GetPaymentDetails_UnknownFieldsHoldingADateAndNumbers_StayAsSent()
    {
        const string body = """{"x_settled_on":"2023-06-15T07:03:01Z","x_local":"2023-06-15T07:03:01","x_count":1040,"x_rate":10.50,"x_big":30000000000000000000000}""";

        var details = await AnsweredWith(body, payments => payments.GetPaymentDetailsAsync(PaymentId));

        Assert.That(details.AdditionalProperties["x_settled_on"], Is.EqualTo("2023-06-15T07:03:01Z").And.TypeOf<string>());
        Assert.That(CheckoutJson.Serialize(details), Is.EqualTo(body));
    }

    [Test]
    public async Task GetPaymentDetails_AmountAbove32Bits_IsReadAndWrittenBack()
    {
        var details = await AnsweredWith("""{"amount":3000000000}""", payments => payments.GetPaymentDetailsAsync(PaymentId));

        Assert.That(details.Amount, Is.EqualTo(3_000_000_000L));
        Assert.That(CheckoutJson.Serialize(details), Is.EqualTo("""{"amount":3000000000}"""));
    }

    [Test]
    public async Task CaptureAPayment_AmountAbove32Bits_IsSentAsAnInteger()
    {
        using var mock = new StrictMockHttp();
        string? sent = null;
        mock.Expect(HttpMethod.Post, $"*/payments/{PaymentId}/captures")
            .Respond(request =>
            {
                sent = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
                return new HttpResponseMessage(System.Net.HttpStatusCode.Accepted) { Content = new StringContent("""{"action_id":"act_1"}""", System.Text.Encoding.UTF8, "application/json") };
            });
        using var factory = new CheckoutClientFactory(new CheckoutOptions { AccountPrefix = "vkuhvk4v", SecretKey = "sk_sbox_fidelity" }, mock);

        await factory.Create<IPaymentsClient>().CapturePaymentAsync(PaymentId, new CaptureRequest { Amount = 3_000_000_000 }, new CheckoutRequestOptions { IdempotencyKey = "idem-1" });

        mock.VerifyNoOutstandingExpectation();
        Assert.That(sent, Is.EqualTo("""{"amount":3000000000}"""), "only what the caller set, as an integer");
    }

    [TestCase("1040", "1040")]
    [TestCase("10.50", "10.50")]
    [TestCase("0.000001", "0.000001")]
    public void DecimalProperty_Number_IsWrittenWithTheDigitsRead(string number, string expected)
    {
        var (model, property) = FirstProperty(p => p.Property.PropertyType == typeof(decimal?));
        var json = "{\"" + property.PropertyName + "\":" + number + "}";

        var written = CheckoutJson.Serialize(ModelSurfaceTests.Read(model, json));

        Assert.That(written, Is.EqualTo("{\"" + property.PropertyName + "\":" + expected + "}"), $"{model.Name}.{property.PropertyName}");
    }

    [TestCase("2023-06-15", "2023-06-15")]
    [TestCase("2023-06-15T07:03:01Z", "2023-06-15T07:03:01Z")]
    [TestCase("2023-06-15T07:03:01+02:00", "2023-06-15T07:03:01+02:00")]
    public void DateProperty_DateOrFullTimestamp_IsReadAndWrittenBack(string sent, string expected)
    {
        var (model, property) = FirstProperty(p => p.Property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType.Name == "DateFormatConverter");
        var json = "{\"" + property.PropertyName + "\":\"" + sent + "\"}";

        var written = CheckoutJson.Serialize(ModelSurfaceTests.Read(model, json));

        Assert.That(written, Is.EqualTo("{\"" + property.PropertyName + "\":\"" + expected + "\"}"), $"{model.Name}.{property.PropertyName}");
    }

    [Test]
    public void DateProperty_NotADate_FailsWithTheJsonPath()
    {
        var (model, property) = FirstProperty(p => p.Property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType.Name == "DateFormatConverter");

        var error = Assert.Throws<TargetInvocationException>(() => ModelSurfaceTests.Read(model, "{\"" + property.PropertyName + "\":\"soon\"}"))!.InnerException;

        Assert.That(error, Is.InstanceOf<JsonException>());
        Assert.That(error!.Message, Does.Contain(property.PropertyName));
        Assert.That(error.ToString(), Does.Not.Contain("soon"), "exception text never echoes a value (it may be a card number)");
    }

    /// <summary>The first generated model property (in name order) that matches, or the test is ignored for this release.</summary>
    private static (Type Model, JsonPropertyAttribute Property) FirstProperty(Func<(PropertyInfo Property, JsonPropertyAttribute Json), bool> match)
    {
        foreach (var model in GeneratedModels.All.Where(m => !m.IsAbstract && GeneratedModels.IsObject(m) && GeneratedModels.DiscriminatorOf(m) is null))
        {
            foreach (var p in GeneratedModels.JsonProperties(model))
            {
                if (match(p)) return (model, p.Json);
            }
        }
        Assert.Ignore("this spec release has no such property");
        return default;
    }
}
