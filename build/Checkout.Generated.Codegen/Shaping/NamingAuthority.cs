using System.Text.RegularExpressions;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// The naming rules of the shaping phase, in one place (docs/codegen.md, "Naming"). The shaping rules
/// (<see cref="OperationNameRule"/>, <see cref="TagNameRule"/>, <see cref="TypeNameRule"/>, <see cref="ParameterNameRule"/>)
/// and the C# writers ask it; none decides a public name of its own.
/// </summary>
internal static class NamingAuthority
{
    /// <summary>Words that say nothing as a type name of their own: such a type is qualified by where it is used.</summary>
    public static readonly IReadOnlySet<string> GenericWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "Data", "Item", "Items", "Status", "Error", "Errors", "Self", "Type", "Link", "Links", "Next", "Previous", "Value", "Values",
        "Result", "Results", "Details", "Info", "Object", "Metadata", "Entry", "Content", "Category", "Purpose", "Kind", "Mode", "State",
    };

    /// <summary>Leading verbs skipped when a user's name qualifies a type (<c>GetSessionResponse</c> qualifies by <c>Session</c>).</summary>
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "Get", "Create", "Add", "Update", "Patch", "Put", "Post", "Delete", "Remove", "Set", "List", "Retrieve", "Request", "Submit", "Upload",
    };

    /// <summary>Words naming a user's role, not its subject: never a qualifier (<c>GetSessionResponse</c> qualifies by <c>Session</c>).</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal) { "Request", "Response", "Body" };

    /// <summary>The qualifier of last resort: the product's name.</summary>
    public const string Product = "Checkout";

    private static readonly Regex OrderingPrefix = new(@"^\d+_+(?=[A-Za-z])", RegexOptions.CultureInvariant);

    /// <summary>
    /// Rule 1, a name the spec gives: an ordering prefix (digits then an underscore: <c>01_CardTokenRequest</c>) is
    /// dropped; the rest becomes a PascalCase identifier, a leading digit spelled (<c>3dsRequest</c> → <c>ThreeDsRequest</c>).
    /// </summary>
    public static string SpecTypeName(string key) => Names.Identifier(OrderingPrefix.Replace(key, ""));

    /// <summary>
    /// Rule 2, a name composed from an owner and a role (<c>{Owner}{Role}</c>): the owner's prefix is the same for all
    /// its children (<see cref="OwnerPrefix"/>), and a role starting with the owner's last word does not repeat it
    /// (<c>Payment</c> + <c>PaymentType</c> → <c>PaymentType</c>).
    /// </summary>
    public static string Child(string prefix, string role)
    {
        var last = Names.Words(prefix).LastOrDefault();
        var first = Names.Words(role).FirstOrDefault();
        if (last is not null && first is not null && last == first && role.Length > first.Length) role = role[first.Length..];
        return prefix + role;
    }

    /// <summary>
    /// One shortening per owner: the owner's name, shortened by <see cref="Names.Composed"/>'s steps just enough that its
    /// longest child fits in <see cref="Names.MaxTypeName"/> characters. All its children start with it, so siblings read alike.
    /// </summary>
    public static string OwnerPrefix(string owner, int longestRole) =>
        longestRole == 0 ? owner : Names.Composed(owner, new string('x', longestRole))[..^longestRole];

    /// <summary>Rule 3: a single generic word, or a name a .NET project already sees under ImplicitUsings, is not a type name of its own.</summary>
    public static bool NeedsQualifier(string name) => GenericWords.Contains(name) || FrameworkTypeNames.Implicit.Contains(name);

    /// <summary>
    /// Rule 3's qualifier, from the names of what uses the type (schemas, shared responses, operations by their client,
    /// singular): the word more than half of them contain, not a verb, a role word or a generic word (the one most contain, then the
    /// longest): <c>Status</c> used by <c>GetSessionResponse</c> and <c>CreateSessionAcceptedResponse</c> →
    /// <c>SessionStatus</c>; else a single user's whole name (<c>EventObject</c> → <c>EventObjectData</c>); else
    /// <c>Checkout</c> (<c>CheckoutError</c>). A candidate that is taken or still needs a qualifier is skipped.
    /// </summary>
    public static string Qualified(string name, IReadOnlyList<string> users, Func<string, bool> isFree)
    {
        var distinct = users.Distinct(StringComparer.Ordinal).ToList();
        var shared = distinct.SelectMany(u => Names.Words(u).Distinct(StringComparer.Ordinal))
            .Where(w => w.Length > 1 && char.IsUpper(w[0]) && w != name && !Verbs.Contains(w) && !RoleWords.Contains(w) && !GenericWords.Contains(w))
            .GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() * 2 > distinct.Count)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key);
        var candidates = shared.Take(1).Select(w => Child(w, name)).ToList();
        if (distinct.Count == 1 && !Names.Words(distinct[0]).LastOrDefault()!.Equals(name, StringComparison.Ordinal)) candidates.Add(Names.Composed(distinct[0], name));
        candidates.Add(Product + name);
        foreach (var candidate in candidates)
        {
            if (candidate != name && !NeedsQualifier(candidate) && isFree(candidate)) return candidate;
        }
        return candidates[^1];
    }

    /// <summary>A tag's word as a qualifier: the client name made singular (<c>Disputes</c> → <c>Dispute</c>).</summary>
    public static string Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    /// <summary>A noun made plural (<c>Payment</c> → <c>Payments</c>, <c>Entity</c> → <c>Entities</c>).</summary>
    public static string Plural(string word) =>
        word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal) ? word + "es"
        : word.Length > 1 && word.EndsWith('y') && !"aeiou".Contains(word[^2]) ? word[..^1] + "ies"
        : word + "s";

    /// <summary>The client a tag names: <c>{Tag}Client</c>, its interface <c>I{Tag}Client</c>, its property <c>{Tag}</c>.</summary>
    public static string ClientName(string tag) => tag + "Client";

    /// <summary>The method enumerating every item of a paged list: the list method's name with <c>All</c> after its verb.</summary>
    public static string PagingMethod(string operationId)
    {
        var words = Names.Words(Names.Identifier(operationId)).ToList();
        words.Insert(1, "All");
        return string.Concat(words);
    }

    /// <summary>
    /// The name of a value type (a set of known string values) from the places that use it, each an owner (a type, or
    /// a client's singular for a parameter) and a role (the property or parameter; for several roles, the words they all
    /// end with, else the most common). Used in one place: owner and role (<c>PaymentResponse</c> + <c>Status</c> →
    /// <c>PaymentResponseStatus</c>). In several, the first of these that needs no qualifier and is free: the role
    /// (<c>Currency</c>); the words more than half the owners share, then the role (<c>AccountHolderType</c>); the first
    /// owner without a trailing role word, then the role (<c>AddCardholderStatus</c>); the same with it.
    /// </summary>
    public static string ValueTypeName(IReadOnlyList<(string Owner, string Role)> uses, Func<string, bool> isFree)
    {
        if (uses.Select(u => u.Owner + "." + u.Role).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return Child(OwnerPrefix(uses[0].Owner, uses[0].Role.Length), uses[0].Role);
        }
        var role = CommonEnding(uses.Select(u => u.Role).Distinct(StringComparer.Ordinal).ToList())
            ?? uses.GroupBy(u => u.Role, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var owners = uses.Select(u => u.Owner).Distinct(StringComparer.Ordinal).ToList();
        var candidates = new List<string> { role };
        if (SharedWords(owners.Select(Subject).ToList()) is { } shared) candidates.Add(Child(shared, role));
        candidates.Add(Child(OwnerPrefix(Subject(owners[0]), role.Length), role));
        candidates.Add(Child(OwnerPrefix(owners[0], role.Length), role));
        return candidates.FirstOrDefault(c => !NeedsQualifier(c) && isFree(c)) ?? candidates[^1];
    }

    /// <summary>An owner's name without its trailing role words (<c>AddCardholderResponse</c> → <c>AddCardholder</c>).</summary>
    private static string Subject(string owner)
    {
        var words = Names.Words(owner).ToList();
        while (words.Count > 1 && RoleWords.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return string.Concat(words);
    }

    /// <summary>
    /// The run of words more than half of <paramref name="owners"/> contain (most owners, then nearest the owners' end,
    /// then most words), not made only of verbs, role words, generic words or a spelled digit; or null.
    /// </summary>
    private static string? SharedWords(IReadOnlyList<string> owners)
    {
        static bool Meaningful(IReadOnlyList<string> run) =>
            run.Any(w => w.Length > 1 && char.IsUpper(w[0]) && !Verbs.Contains(w) && !RoleWords.Contains(w) && !GenericWords.Contains(w) && !SpelledDigits.Contains(w));
        var runs = new Dictionary<string, (int Words, int Owners, int After)>(StringComparer.Ordinal);
        foreach (var owner in owners)
        {
            var words = Names.Words(owner);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // Nearest the end first, so that a run's distance to the owner's end is that of its last occurrence.
            for (var end = words.Count; end > 0; end--)
            {
                for (var start = end - 1; start >= 0; start--)
                {
                    var run = words.Skip(start).Take(end - start).ToList();
                    var key = string.Concat(run);
                    if (!Meaningful(run) || !seen.Add(key)) continue;
                    var known = runs.GetValueOrDefault(key);
                    runs[key] = (run.Count, known.Owners + 1, known.After + words.Count - end);
                }
            }
        }
        return runs.Where(r => r.Value.Owners * 2 > owners.Count)
            .OrderByDescending(r => r.Value.Owners).ThenBy(r => (double)r.Value.After / r.Value.Owners).ThenByDescending(r => r.Value.Words).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Key).FirstOrDefault();
    }

    private static readonly HashSet<string> SpelledDigits = new(StringComparer.Ordinal) { "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine" };

    /// <summary>The words all roles end with (<c>FromCurrency</c>, <c>ToCurrency</c> → <c>Currency</c>), or null.</summary>
    private static string? CommonEnding(IReadOnlyList<string> roles)
    {
        var words = roles.Select(r => Names.Words(r)).ToList();
        var count = 0;
        while (words.All(w => w.Count > count) && words.All(w => w[^(count + 1)] == words[0][^(count + 1)])) count++;
        return count == 0 ? null : string.Concat(words[0].Skip(words[0].Count - count));
    }

    /// <summary>Members every value type has, which no known value may be named.</summary>
    private static readonly string[] ValueTypeMembers = ["Equals", "GetHashCode", "ToString", "GetType", "JsonValue", "ReferenceEquals"];

    /// <summary>The member names of a value type: each value as an identifier, a repeat numbered, the type's own name and its members avoided.</summary>
    public static IReadOnlyList<string> ValueNames(string className, IReadOnlyList<string> values)
    {
        var used = new HashSet<string>(ValueTypeMembers, StringComparer.Ordinal) { className };
        var names = new List<string>();
        foreach (var value in values)
        {
            var member = Names.Identifier(value);
            if (!used.Add(member)) member = Enumerable.Range(2, values.Count).Select(i => member + i).First(used.Add);
            names.Add(member);
        }
        return names;
    }

    // ---- Unions and query classes (issue 17, points 4 and 5) ----

    /// <summary>
    /// The member of a union holding one alternative: the alternative's final type name (<c>ThreeDsRequestThirdParty</c>),
    /// <c>{Type}List</c> for an array of a type, the JSON type for a primitive (<c>String</c>, <c>Integer</c>), else
    /// <c>Option{n}</c>; <c>Value</c> appended when that is the union's own name.
    /// </summary>
    public static string UnionMember(string unionName, string? typeName, string? itemTypeName, string? jsonType, int position)
    {
        var name = typeName ?? (itemTypeName is not null ? itemTypeName + "List" : jsonType is not null and not "object" ? Names.Identifier(jsonType) : "Option" + position);
        return name == unionName ? name + "Value" : name;
    }

    /// <summary>More optional positional parameters than this and a method takes a query class instead (CancellationToken and CheckoutRequestOptions not counted).</summary>
    public const int MaxOptionalParameters = 6;

    /// <summary>The class holding an operation's optional query parameters: <c>{Operation}Query</c> (<c>GetDisputesQuery</c>).</summary>
    public static string QueryClass(string operationId) => Names.Identifier(operationId) + "Query";

    /// <summary>The method parameter taking the query class: <c>query</c>, or <c>queryOptions</c> when a parameter already has that name.</summary>
    public static string QueryParameter(IReadOnlyCollection<string> parameterNames) => parameterNames.Contains("query") ? "queryOptions" : "query";

    /// <summary>A query class's property: the parameter's C# name (<see cref="ParameterNameRule"/>) with its first letter capitalised (<c>paymentId</c> → <c>PaymentId</c>).</summary>
    public static string QueryMember(string parameterName) =>
        parameterName.TrimStart('@') is { Length: > 0 } name ? char.ToUpperInvariant(name[0]) + name[1..] : parameterName;
}
