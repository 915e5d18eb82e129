using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class ScopeSelectorTests
{
    private static readonly string[] FamilyScopes = CheckoutOperationCatalog.KnownScopes.Where(s => !s.Contains(':')).ToArray();
    private static readonly string[] NarrowScopes = CheckoutOperationCatalog.KnownScopes.Where(s => s.Contains(':')).ToArray();

    private static IEnumerable<TestCaseData> OAuthOperations() =>
        CheckoutOperationCatalog.All.Where(o => o.Credentials.HasFlag(CheckoutCredentialKinds.OAuth) && o.Scopes.Count > 0)
            .Select(o => new TestCaseData(o).SetName($"{{m}}({o.Id})"));

    private static IEnumerable<TestCaseData> OAuthOperationsWithNarrowScopes() =>
        CheckoutOperationCatalog.All.Where(o => o.Credentials.HasFlag(CheckoutCredentialKinds.OAuth) && o.Scopes.Any(s => s.Contains(':')))
            .Select(o => new TestCaseData(o).SetName($"{{m}}({o.Id})"));

    [TestCaseSource(nameof(OAuthOperations))]
    public async Task Send_NoGrantedScopes_RequestsNarrowestScopeOfOperation(CheckoutOperation operation)
    {
        var expected = operation.Scopes.FirstOrDefault(s => s.Contains(':')) ?? operation.Scopes[0];

        var requested = await RequestedScopeAsync(operation, Array.Empty<string>());

        Assert.That(requested, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(OAuthOperations))]
    public async Task Send_FamilyScopesOnly_RequestsTheFamilyThatAllowsOperation(CheckoutOperation operation)
    {
        var allowing = operation.Scopes.Select(s => s.Split(':')[0]).Where(FamilyScopes.Contains).Distinct().ToList();

        if (allowing.Count == 0)
        {
            AssertRefused(operation, FamilyScopes);
            return;
        }

        var requested = await RequestedScopeAsync(operation, FamilyScopes);

        Assert.That(allowing, Does.Contain(requested));
    }

    [TestCaseSource(nameof(OAuthOperations))]
    public async Task Send_NarrowScopesOnly_RequestsANarrowScopeOfOperation(CheckoutOperation operation)
    {
        var allowing = operation.Scopes.Where(NarrowScopes.Contains).ToList();

        if (allowing.Count == 0)
        {
            AssertRefused(operation, NarrowScopes);
            return;
        }

        var requested = await RequestedScopeAsync(operation, NarrowScopes);

        Assert.That(allowing, Does.Contain(requested));
    }

    [TestCaseSource(nameof(OAuthOperations))]
    public void Send_GrantedScopesAllowNothing_FailsBeforeSendingNamingOperationAndScopes(CheckoutOperation operation)
    {
        AssertRefused(operation, new[] { "scope-of-another-product", "another-product:view" });
    }

    [TestCaseSource(nameof(OAuthOperationsWithNarrowScopes))]
    public async Task Send_FamilyAndNarrowGranted_PrefersTheNarrowScope(CheckoutOperation operation)
    {
        var narrow = operation.Scopes.Where(s => s.Contains(':')).ToList();
        var granted = operation.Scopes.Concat(operation.Scopes.Select(s => s.Split(':')[0])).Distinct().ToArray();

        var requested = await RequestedScopeAsync(operation, granted);

        Assert.That(narrow, Does.Contain(requested));
    }

    [Test]
    public async Task Send_OnlyNarrowAlternativesAndFamilyGranted_RequestsTheFamily()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o =>
            o.Credentials.HasFlag(CheckoutCredentialKinds.OAuth) && o.Scopes.Count > 0 && o.Scopes.All(s => s.Contains(':')));
        Assume.That(operation, Is.Not.Null, "no operation lists only narrow scopes");
        var family = operation!.Scopes[0].Split(':')[0];

        var requested = await RequestedScopeAsync(operation, new[] { family, "unrelated" });

        Assert.That(requested, Is.EqualTo(family));
    }

    [Test]
    public async Task Send_GrantedScopesAllowNothingButSecretKeyConfigured_UsesSecretKey()
    {
        TestPlatform.RequireOAuth();
        var operation = CheckoutOperationCatalog.All.First(o =>
            o.Credentials.HasFlag(CheckoutCredentialKinds.OAuth) && o.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey) && o.Scopes.Count > 0);
        using var mock = new StrictMockHttp();
        var expected = mock.Expect(AuthFixture.ExpectedBase(operation.Host, CheckoutEnvironment.Sandbox) + AuthFixture.RelativePath(operation))
            .WithHeaders("Authorization", "Bearer " + AuthFixture.SandboxSecretKey)
            .Respond(HttpStatusCode.OK);
        var options = AuthFixture.OAuth("another-product");
        options.SecretKey = AuthFixture.SandboxSecretKey;
        using var factory = new CheckoutClientFactory(options, mock);

        using var response = await factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation));

        Assert.That(mock.GetMatchCount(expected), Is.EqualTo(1));
    }

    /// <summary>Sends the operation with OAuth and returns the <c>scope</c> of the one token request it caused.</summary>
    private static async Task<string?> RequestedScopeAsync(CheckoutOperation operation, string[] granted)
    {
        using var mock = new StrictMockHttp();
        string? scope = null;
        var token = mock.Expect(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri)
            .WithFormData("grant_type", "client_credentials")
            .Respond(async request =>
            {
                var form = await request.Content!.ReadAsStringAsync();
                scope = form.Split('&').Select(Uri.UnescapeDataString).Select(p => p.Replace('+', ' '))
                    .Where(p => p.StartsWith("scope=", StringComparison.Ordinal)).Select(p => p.Substring(6)).SingleOrDefault();
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(AuthFixture.TokenJson("token-" + operation.Id)) };
            });
        var api = mock.Expect(new HttpMethod(operation.Method), AuthFixture.ExpectedBase(operation.Host, CheckoutEnvironment.Sandbox) + AuthFixture.RelativePath(operation))
            .WithHeaders("Authorization", "Bearer token-" + operation.Id)
            .Respond(HttpStatusCode.OK);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(granted), mock);

        using var response = await factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation));

        Assert.That((mock.GetMatchCount(token), mock.GetMatchCount(api)), Is.EqualTo((1, 1)));
        return scope;
    }

    private static void AssertRefused(CheckoutOperation operation, string[] granted)
    {
        using var mock = new StrictMockHttp();
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(granted), mock);

        var error = Assert.ThrowsAsync<CheckoutAuthorizationException>(() => factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation)))!;

        Assert.Multiple(() =>
        {
            Assert.That(mock.Calls, Is.Zero, "refused before any HTTP call");
            Assert.That(error.OperationId, Is.EqualTo(operation.Id));
            Assert.That(error.Message, Does.Contain(operation.Id));
            Assert.That(error.AllowingScopes, Is.EqualTo(operation.Scopes));
            foreach (var scope in operation.Scopes) Assert.That(error.Message, Does.Contain(scope));
        });
    }
}
