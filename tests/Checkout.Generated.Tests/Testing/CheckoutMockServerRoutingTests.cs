using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Testing;

/// <summary>The local server routes by host and path: every catalog operation, given an allowed credential, is answered with a documented success.</summary>
[Category("Contract")]
public class CheckoutMockServerRoutingTests : CheckoutMockServerFixture
{
    [Test]
    public async Task HostHeader_FirstLabelNamesAHostKind_RoutesToThatHost()
    {
        var files = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Host != "api" && o.Host != "access" && o.Method == "GET");
        if (files is null) Assert.Ignore("This spec release has no GET operation on a host other than api and access (the previous platform, ABC, has one host).");
        var path = files.PathTemplate.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).TrimStart('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseAddresses["api"], path));
        request.Headers.Host = files.Host + ".localhost";
        request.Headers.Authorization = TestPlatform.SecretKeyHeader(Server.Options.SecretKeys[0]);
        var before = Server.RequestCount(files.Id);

        using var response = await Http.SendAsync(request);

        Assert.That(Server.RequestCount(files.Id), Is.EqualTo(before + 1), $"{files} via Host {request.Headers.Host}: {(int)response.StatusCode}");
    }

    [TestCaseSource(nameof(Operations))]
    public async Task EveryOperation_WithAnAllowedCredential_IsRoutedAndAnsweredWithItsDocumentedSuccess(string operationId)
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var operation = CheckoutOperationCatalog.Find(operationId)!;
        var path = operation.PathTemplate;
        foreach (var parameter in Composer.Parameters(operationId).Where(p => (string?)p["in"] == "path"))
        {
            path = path.Replace("{" + (string)parameter["name"]! + "}", Uri.EscapeDataString(Composer.ParameterExample(parameter).ToString()), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(server.BaseAddresses[operation.Host], path.TrimStart('/')));
        var media = Composer.RequestMediaType(operationId);
        if (media is not null && Composer.RequestExamples(operationId).FirstOrDefault() is { } example)
        {
            request.Content = media.Contains("json", StringComparison.Ordinal)
                ? Json(example.Value)
                : new FormUrlEncodedContent(((JObject)example.Value).Properties().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ToString())));
        }

        var credential = await CredentialFor(server, operation);
        if (credential is not null) request.Headers.TryAddWithoutValidation("Authorization", credential);
        if (operation.Credentials == CheckoutCredentialKinds.None)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(CheckoutMockServerOptions.DefaultClientId + ":" + CheckoutMockServerOptions.DefaultClientSecret)));
        }

        using var response = await Http.SendAsync(request);
        var documented = Composer.DocumentedStatuses(operationId).Where(s => s.StartsWith('2')).Select(int.Parse).ToList();

        Assert.That(server.RequestCount(operationId), Is.EqualTo(1), "routed to the operation");
        Assert.That((int)response.StatusCode, documented.Count > 0 ? Is.AnyOf(documented.Cast<object>().Append(404).ToArray()) : Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Contains("Cko-Request-Id"));
    }

    private static IEnumerable<TestCaseData> Operations() => CheckoutOperationCatalog.All.Select(o => new TestCaseData(o.Id).SetName($"Server routes {o.Id}"));

    private static async Task<string?> CredentialFor(CheckoutMockServer server, CheckoutOperation operation)
    {
        // The Authorization header value, in the format the spec prescribes for each credential.
        if (operation.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey)) return TestPlatform.KeyHeader(server.Options.SecretKeys[0], CheckoutCredentialKinds.SecretKey);
        if (operation.Credentials.HasFlag(CheckoutCredentialKinds.PublicKey)) return TestPlatform.KeyHeader(server.Options.PublicKeys[0], CheckoutCredentialKinds.PublicKey);
        if (operation.Credentials.HasFlag(CheckoutCredentialKinds.OAuth)) return "Bearer " + await TokenAsync(operation.Scopes.FirstOrDefault() ?? "gateway", server);
        return operation.Credentials.HasFlag(CheckoutCredentialKinds.Other) ? "sek_localmock" : null;
    }
}
