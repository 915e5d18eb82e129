using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Contract;

/// <summary>Calls the generated method of one operation by reflection, with arguments taken from the spec's examples.</summary>
internal sealed class OperationCall
{
    private static readonly Dictionary<string, MethodInfo> Methods = typeof(CheckoutOperation).Assembly.GetExportedTypes()
        .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<CheckoutOperationAttribute>() is not null)
        .ToDictionary(m => m.GetCustomAttribute<CheckoutOperationAttribute>()!.OperationId, StringComparer.Ordinal);

    private OperationCall(CheckoutOperation operation, MethodInfo method, object?[] arguments, ExpectedRequest expected)
    {
        Operation = operation;
        Method = method;
        Arguments = arguments;
        Expected = expected;
    }

    public CheckoutOperation Operation { get; }

    public MethodInfo Method { get; }

    public object?[] Arguments { get; }

    public ExpectedRequest Expected { get; }

    public static MethodInfo? MethodOf(string operationId) => Methods.TryGetValue(operationId, out var method) ? method : null;

    /// <summary>Builds the call: parameters from the spec's examples, the body deserialised from <paramref name="body"/>.</summary>
    public static OperationCall Create(ExampleComposer composer, string operationId, JToken? body)
    {
        var operation = CheckoutOperationCatalog.Find(operationId) ?? throw new InvalidOperationException($"{operationId} is not in the catalog.");
        var method = MethodOf(operationId) ?? throw new InvalidOperationException($"No generated method carries [CheckoutOperation(\"{operationId}\")].");
        var specParameters = composer.Parameters(operationId).ToDictionary(p => Key((string)p["name"]!), p => p, StringComparer.Ordinal);
        var expected = new ExpectedRequest(operation.Method, operation.PathTemplate);
        var arguments = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken)) { arguments.Add(CancellationToken.None); continue; }
            if (parameter.ParameterType == typeof(CheckoutRequestOptions)) { arguments.Add(null); continue; }
            if (specParameters.TryGetValue(Key(parameter.Name!), out var spec))
            {
                var example = composer.ParameterExample(spec);
                var value = Convert(example, parameter.ParameterType);
                arguments.Add(value);
                expected.Add((string)spec["in"]!, (string)spec["name"]!, example);
                continue;
            }

            if (IsQueryClass(parameter.ParameterType))
            {
                // A query class (many optional query parameters): each property takes its parameter's example.
                var query = Activator.CreateInstance(parameter.ParameterType)!;
                foreach (var property in parameter.ParameterType.GetProperties())
                {
                    if (!specParameters.TryGetValue(Key(property.Name), out var member)) continue;
                    var example = composer.ParameterExample(member);
                    property.SetValue(query, Convert(example, property.PropertyType));
                    expected.Add((string)member["in"]!, (string)member["name"]!, example);
                }
                arguments.Add(query);
                continue;
            }

            if (parameter.Name == "body")
            {
                arguments.Add(body is null ? null : body.ToObject(parameter.ParameterType, JsonSerializer.CreateDefault()));
                continue;
            }

            // Form fields of a multipart body are separate method parameters; a file field takes the example's bytes.
            var field = (body as JObject)?.Properties().FirstOrDefault(p => Key(p.Name) == Key(parameter.Name!));
            arguments.Add(field is null ? null
                : parameter.ParameterType == typeof(CheckoutFile) ? new CheckoutFile(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(Text(field.Value))), "example.txt", "text/plain")
                : Convert(field.Value, parameter.ParameterType));
        }

        return new OperationCall(operation, method, arguments.ToArray(), expected);
    }

    /// <summary>Invokes the method; returns the result (null for a void task) or throws what the client threw.</summary>
    public async Task<object?> InvokeAsync(object client)
    {
        Task task;
        try
        {
            task = (Task)Method.Invoke(client, Arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        await task.ConfigureAwait(false);
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    /// <summary>A generated query class: a class of the library whose properties are query parameters, not JSON fields.</summary>
    public static bool IsQueryClass(Type type) =>
        type.Assembly == typeof(CheckoutOperation).Assembly && type.IsClass && type.Name.EndsWith("Query", StringComparison.Ordinal)
        && type.GetProperties().All(p => p.GetCustomAttribute<JsonPropertyAttribute>() is null);

    public static string Key(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    public static string Text(JToken value) => value.Type switch
    {
        JTokenType.Boolean => (bool)value ? "true" : "false",
        JTokenType.Float or JTokenType.Integer => System.Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture) ?? "",
        _ => value.ToString(),
    };

    private static object? Convert(JToken example, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return example is JValue ? Text(example) : example.ToString(Formatting.None);
        if (example is not JArray && typeof(System.Collections.IEnumerable).IsAssignableFrom(target)) example = new JArray(example);
        return example.ToObject(type, JsonSerializer.CreateDefault());
    }
}
