using System;
using System.Globalization;
using System.Linq;
using Checkout.Generated;

// Usage: HostProbe <model type name> < body.json
// Prints the host's UTC offset now, then the body read as that model and written back (CheckoutJson, as the clients do).
var type = typeof(CheckoutJson).Assembly.GetTypes().Single(t => t.Name == args[0]);
var body = Console.In.ReadToEnd();
var model = typeof(CheckoutJson).GetMethod(nameof(CheckoutJson.Deserialize))!.MakeGenericMethod(type).Invoke(null, [body]);
Console.WriteLine(TimeZoneInfo.Local.GetUtcOffset(DateTimeOffset.UtcNow).ToString("c", CultureInfo.InvariantCulture));
Console.WriteLine(CheckoutJson.Serialize(model));
