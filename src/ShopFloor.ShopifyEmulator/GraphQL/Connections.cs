using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>Relay connections as Shopify serves them: first/after or last/before, at most 250 a page, opaque cursors.</summary>
public static class Connections
{
    public const int MaxPageSize = 250;

    public static Node Of<T>(IResolveFieldContext context, IEnumerable<T> items, Func<T, long> key, Func<T, Node> map)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (BulkFields.IsBulk(context))
            (first, last) = (int.MaxValue, null);
        else if (first is null && last is null)
            throw new ExecutionError("you must provide one of first or last") { Code = "BAD_REQUEST" };
        else if (first > MaxPageSize || last > MaxPageSize)
            throw new ExecutionError($"The page size cannot exceed {MaxPageSize}.") { Code = "BAD_REQUEST" };

        var all = items.OrderBy(key).ToList();
        if (Decode(context.GetArgument<string?>("after")) is { } after)
            all = all.SkipWhile(i => key(i) <= after).ToList();
        if (Decode(context.GetArgument<string?>("before")) is { } before)
            all = all.TakeWhile(i => key(i) < before).ToList();
        var page = first is { } f ? all.Take(f).ToList() : all.Skip(Math.Max(0, all.Count - last!.Value)).ToList();

        var connectionType = ((IGraphType)context.FieldDefinition.ResolvedType!).GetNamedType().Name;
        var edgeType = connectionType.Replace("Connection", "Edge", StringComparison.Ordinal);
        var nodes = page.Select(map).ToList();
        var edges = page.Zip(nodes, (item, node) => new Node(edgeType).With("cursor", Encode(key(item))).With("node", node)).ToList();
        return new Node(connectionType)
            .With("nodes", nodes)
            .With("edges", edges)
            .With("pageInfo", new Node("PageInfo")
                .With("hasNextPage", first is not null ? all.Count > page.Count : false)
                .With("hasPreviousPage", last is not null ? all.Count > page.Count : false)
                .With("startCursor", page.Count > 0 ? Encode(key(page[0])) : null)
                .With("endCursor", page.Count > 0 ? Encode(key(page[^1])) : null));
    }

    private static string Encode(long key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"last_id\":{key}}}"));

    private static long? Decode(string? cursor)
    {
        if (cursor is null)
            return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return long.Parse(text.AsSpan(text.IndexOf(':') + 1).TrimEnd('}'), CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new ExecutionError($"Invalid cursor for current pagination sort.") { Code = "BAD_REQUEST" };
        }
    }
}
