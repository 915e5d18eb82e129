using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Checkout.Generated.Tests.Auth;
using Checkout.Generated.Tests.Contract;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Client;

/// <summary>
/// Operations that hand out an upload link (UploadLinkRule): the overload taking a <see cref="CheckoutFile"/> requests the
/// link with the account's credentials, then PUTs the file's bytes and media type to the presigned link with none.
/// </summary>
[Category("Contract")]
public sealed class UploadLinkTests
{
    private const string PresignedLink = "https://s3.eu-west-1.amazonaws.com/mp-files/ent_1/file_1?AWSAccessKeyId=ASIX&Expires=1661355993&x-amz-security-token=presigned-secret";
    private static readonly byte[] Bytes = Encoding.ASCII.GetBytes("%PDF-1.7 passport scan 0123456789");

    /// <summary>The operation giving an upload link and its overload taking the file, or an ignore when the release has none.</summary>
    private static (CheckoutOperation Operation, MethodInfo Overload) UploadLinkOperation()
    {
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            if (ContractCases.Composer.Operation(operation.Id)["x-checkout-upload-link"] is null) continue;
            var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.PropertyType;
            var name = OperationCall.MethodOf(operation.Id)!.Name;
            var overload = client.GetMethods().Single(m => m.Name == name && m.GetParameters().Any(p => p.ParameterType == typeof(CheckoutFile)));
            return (operation, overload);
        }

        throw new IgnoreException("this spec release has no operation whose response carries an upload link");
    }

    /// <summary>A value type (an extensible enum) holding <paramref name="text"/>, through its conversion from string.</summary>
    private static object ValueOf(Type type, string text) => type.GetMethod("op_Implicit", [typeof(string)])!.Invoke(null, [text])!;

    private static Task UploadAsync(ICheckoutClient checkout, CheckoutOperation operation, MethodInfo overload, CheckoutFile file, out object result)
    {
        var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.GetValue(checkout);
        var arguments = overload.GetParameters().Select(p =>
            p.ParameterType == typeof(CheckoutFile) ? file
            : p.ParameterType == typeof(string) ? (p.Name == "purpose" ? "identity_verification" : "ent_" + p.Name)
            : Checkout.Generated.Internal.ValueTypeProperty.IsValueType(p.ParameterType) ? ValueOf(p.ParameterType, p.Name == "purpose" ? "identity_verification" : "value")
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"no value for {p.Name}")).ToArray();
        var task = (Task)overload.Invoke(client, arguments)!;
        result = task;
        return task;
    }

    [Test]
    public async Task UploadWithFile_LinkGiven_RequestsTheLinkWithCredentialsThenPutsTheBytesWithoutAny()
    {
        var (operation, overload) = UploadLinkOperation();
        using var mock = new StrictMockHttp();
        string? linkAuthorization = null;
        HttpRequestMessage? put = null;
        byte[]? putBytes = null;
        mock.When(HttpMethod.Post, AuthFixture.ExpectedBase(operation.Host, CheckoutEnvironment.Sandbox) + AuthFixture.RelativePath(operation))
            .Respond(request =>
            {
                linkAuthorization = request.Headers.Authorization?.ToString();
                var body = new JObject { ["id"] = "file_1", ["_links"] = new JObject { ["upload"] = new JObject { ["href"] = PresignedLink } } };
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
            });
        mock.When(HttpMethod.Put, PresignedLink).Respond(async request =>
        {
            put = request;
            putBytes = await request.Content!.ReadAsByteArrayAsync();
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);
        using var content = new MemoryStream(Bytes);

        await UploadAsync(factory.Create<ICheckoutClient>(), operation, overload, new CheckoutFile(content, "passport.pdf", "application/pdf"), out _);

        Assert.Multiple(() =>
        {
            Assert.That(linkAuthorization, Is.EqualTo("Bearer " + AuthFixture.SandboxSecretKey), "the link request is the account's");
            Assert.That(put, Is.Not.Null, "the file was sent");
            Assert.That(put!.RequestUri!.AbsoluteUri, Is.EqualTo(PresignedLink), "to the link, query and signature unchanged");
            Assert.That(putBytes, Is.EqualTo(Bytes), "the file's bytes as they are (data-binary), not a multipart body");
            Assert.That(put.Content!.Headers.ContentType!.ToString(), Is.EqualTo("application/pdf"));
            Assert.That(put.Headers.Authorization, Is.Null, "no credential goes to the storage host");
            Assert.That(put.Headers.Select(h => h.Key), Has.None.StartsWith("Cko-"));
            Assert.That(put.Headers.SelectMany(h => h.Value), Has.None.Contains(AuthFixture.SandboxSecretKey));
            Assert.That(mock.Calls, Is.EqualTo(2));
        });
    }

    [Test]
    public void UploadWithFile_LinkNotHttps_ThrowsBeforeSendingTheFileAndKeepsTheLinkOutOfTheMessage()
    {
        var (operation, overload) = UploadLinkOperation();
        using var mock = new StrictMockHttp();
        const string insecure = "http://storage.example.com/file_1?x-amz-security-token=presigned-secret";
        mock.When(HttpMethod.Post, "*").Respond("application/json", new JObject { ["id"] = "file_1", ["_links"] = new JObject { ["upload"] = new JObject { ["href"] = insecure } } }.ToString());
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => UploadAsync(factory.Create<ICheckoutClient>(), operation, overload, new CheckoutFile(new MemoryStream(Bytes), "a.pdf", "application/pdf"), out _));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("not an absolute https URL"));
            Assert.That(error.ToString(), Does.Not.Contain("presigned-secret"));
            Assert.That(mock.Calls, Is.EqualTo(1), "only the link request");
        });
    }

    [Test]
    public async Task UploadWithFile_AgainstTheLocalServer_StoresTheBytesAndTheFileInformationShowsThem()
    {
        var (operation, overload) = UploadLinkOperation();
        await using var server = await CheckoutMockServer.StartAsync();
        using var factory = new CheckoutClientFactory(server.Configure(new CheckoutOptions()));
        using var content = new MemoryStream(Bytes);

        await UploadAsync(factory.Create<ICheckoutClient>(), operation, overload, new CheckoutFile(content, "passport.pdf", "application/pdf"), out var task);
        var fileId = (string)JObject.Parse(CheckoutJson.Serialize(task.GetType().GetProperty("Result")!.GetValue(task)!))["id"]!;

        var retrieve = CheckoutOperationCatalog.All.SingleOrDefault(o => o.Host == operation.Host && o.Method == "GET" && o.PathTemplate.Count(c => c == '{') == 1)
            ?? throw new IgnoreException("this spec release has no file information on the upload's host");
        using var http = new HttpClient { BaseAddress = server.BaseAddresses[retrieve.Host] };
        http.DefaultRequestHeaders.Authorization = TestPlatform.SecretKeyHeader(server.Options.SecretKeys[0]);
        var information = JObject.Parse(await http.GetStringAsync(retrieve.PathTemplate.Split('{')[0].TrimStart('/') + fileId));
        http.DefaultRequestHeaders.Authorization = null;
        var downloaded = await http.GetByteArrayAsync((string)information["_links"]!["download"]!["href"]!);

        Assert.Multiple(() =>
        {
            Assert.That(fileId, Does.StartWith("file_"));
            Assert.That((string?)information["id"], Is.EqualTo(fileId));
            Assert.That((string?)information["status"], Is.EqualTo("uploaded"));
            Assert.That((string?)information["mime_type"], Is.EqualTo("application/pdf"));
            Assert.That((string?)information["purpose"], Is.EqualTo("identity_verification"));
            Assert.That(downloaded, Is.EqualTo(Bytes), "the server kept the bytes that were sent");
        });
    }

    [Test]
    public async Task LocalServerUploadLink_PutWithAnAuthorizationHeader_IsRefusedLikeAStorageHost()
    {
        var (operation, _) = UploadLinkOperation();
        await using var server = await CheckoutMockServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddresses[operation.Host] };
        http.DefaultRequestHeaders.Authorization = TestPlatform.SecretKeyHeader(server.Options.SecretKeys[0]);
        using var form = new MultipartFormDataContent { { new StringContent("identity_verification"), "purpose" }, { new StringContent("ent_1"), "entity_id" } };
        using var answer = await http.PostAsync(AuthFixture.RelativePath(operation), form);
        var link = (string)JObject.Parse(await answer.Content.ReadAsStringAsync()).SelectToken((string)ContractCases.Composer.Operation(operation.Id)["x-checkout-upload-link-json"]!)!;

        using var put = await http.PutAsync(link, new ByteArrayContent(Bytes));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
