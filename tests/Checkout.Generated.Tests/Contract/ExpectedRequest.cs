using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Contract;

/// <summary>What the wire request should be, from the catalog entry and the spec's parameter examples.</summary>
internal sealed class ExpectedRequest
{
    private string _path;

    public ExpectedRequest(string method, string pathTemplate)
    {
        Method = method;
        _path = pathTemplate;
    }

    public string Method { get; }

    /// <summary>The path with parameters substituted and escaped.</summary>
    public string Path => _path;

    public List<(string Name, JToken Value)> Query { get; } = new();

    public List<(string Name, string Value)> Headers { get; } = new();

    public void Add(string location, string name, JToken example)
    {
        switch (location)
        {
            case "path":
                _path = _path.Replace("{" + name + "}", Uri.EscapeDataString(OperationCall.Text(example)));
                break;
            case "query":
                foreach (var item in example is JArray array ? array.ToList() : new List<JToken> { example }) Query.Add((name, item));
                break;
            case "header":
                Headers.Add((name, OperationCall.Text(example)));
                break;
        }
    }
}
