using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ShopFloor.ShopifyEmulator.RateLimits;

/// <summary>
/// Shopify's calculated query cost, read conservatively from the document and the schema (shopify.dev "GraphQL
/// Admin API rate limits"): scalars and enums 0, objects 1, a connection 2 + first × the cost of one node (plus
/// pageInfo and the like once), a list paged with first first × the cost of one element, nested ones multiplied;
/// a mutation 10, whatever its payload. A single query may request at most 1,000. The requested cost is taken before
/// the query runs; the actual cost counts the items really returned, and the difference is given back.
/// </summary>
public static class QueryCost
{
    public const int MaxSingleQuery = 1_000;
    private const int MutationCost = 10;

    public static int Of(GraphQLDocument document, string? operationName, IReadOnlyDictionary<string, object?>? variables, ISchema schema)
    {
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => operationName is null || o.Name?.Value.ToString() == operationName);
        if (operation is null)
            return 0;
        var reading = new Reading(schema, document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.Value.ToString()),
            variables ?? new Dictionary<string, object?>());
        if (operation.Operation != OperationType.Mutation)
            return SelectionCost(operation.SelectionSet, schema.Query, reading);
        return MutationCost * operation.SelectionSet.Selections.OfType<GraphQLField>().Count();
    }

    /// <summary>What the query cost given what it returned: connections count the items they hold, not the page size.</summary>
    public static int Actual(GraphQLDocument document, string? operationName, JsonObject? data)
    {
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => operationName is null || o.Name?.Value.ToString() == operationName);
        if (operation is null)
            return 0;
        if (operation.Operation == OperationType.Mutation)
            return MutationCost * operation.SelectionSet.Selections.OfType<GraphQLField>().Count();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.Value.ToString());
        return ActualSelectionCost(operation.SelectionSet, fragments, data);
    }

    private static int ActualSelectionCost(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, JsonObject? value)
    {
        if (set is null || value is null)
            return 0;
        var cost = 0;
        foreach (var selection in set.Selections)
            cost += selection switch
            {
                GraphQLField field => ActualFieldCost(field, fragments, value[(field.Alias?.Name ?? field.Name).Value.ToString()]),
                GraphQLInlineFragment inline => ActualSelectionCost(inline.SelectionSet, fragments, value),
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.Value.ToString(), out var fragment)
                    => ActualSelectionCost(fragment.SelectionSet, fragments, value),
                _ => 0,
            };
        return cost;
    }

    private static int ActualFieldCost(GraphQLField field, Dictionary<string, GraphQLFragmentDefinition> fragments, JsonNode? value)
    {
        if (field.SelectionSet is null)
            return 0;
        var paged = field.Arguments?.Items.Any(a => a.Name.Value.ToString() is "first" or "last") == true;
        if (!paged)
            return value switch
            {
                JsonArray list => list.Sum(item => 1 + ActualSelectionCost(field.SelectionSet, fragments, item as JsonObject)),
                JsonObject obj => 1 + ActualSelectionCost(field.SelectionSet, fragments, obj),
                _ => 1,
            };
        if (value is JsonArray items) // a list field paged with first/last
            return 2 + items.Sum(item => ActualSelectionCost(field.SelectionSet, fragments, item as JsonObject));
        var connection = value as JsonObject;
        var cost = 2;
        foreach (var child in field.SelectionSet.Selections.OfType<GraphQLField>())
        {
            var name = child.Name.Value.ToString();
            var childValue = connection?[(child.Alias?.Name ?? child.Name).Value.ToString()];
            if (name is "edges" or "nodes")
                cost += (childValue as JsonArray ?? []).Sum(item =>
                    Math.Max(1, ActualSelectionCost(child.SelectionSet, fragments, item as JsonObject) - (name == "edges" ? 1 : 0)));
            else
                cost += ActualFieldCost(child, fragments, childValue);
        }
        return cost;
    }

    private sealed record Reading(ISchema Schema, Dictionary<string, GraphQLFragmentDefinition> Fragments, IReadOnlyDictionary<string, object?> Variables);

    private static int SelectionCost(GraphQLSelectionSet? set, IComplexGraphType parent, Reading reading) =>
        set?.Selections.Sum(selection => selection switch
        {
            GraphQLField field => FieldCost(field, parent, reading),
            GraphQLInlineFragment inline => SelectionCost(inline.SelectionSet, TypeOf(inline.TypeCondition, parent, reading), reading),
            GraphQLFragmentSpread spread when reading.Fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                => SelectionCost(fragment.SelectionSet, TypeOf(fragment.TypeCondition, parent, reading), reading),
            _ => 0,
        }) ?? 0;

    private static int FieldCost(GraphQLField field, IComplexGraphType parent, Reading reading)
    {
        var name = field.Name.StringValue;
        if (name.StartsWith("__", StringComparison.Ordinal) || parent.GetField(name)?.ResolvedType is not { } type)
            return 0;
        var isList = Unwrap(ref type);
        if (type is not IComplexGraphType complex)
            return 0; // scalar or enum
        var pageSize = PageSize(field, reading.Variables);
        if (complex.Name.EndsWith("Connection", StringComparison.Ordinal))
        {
            // edges/nodes are charged once per requested item; pageInfo and the like once.
            var perItem = 0;
            var once = 0;
            foreach (var child in field.SelectionSet?.Selections.OfType<GraphQLField>() ?? [])
                if (child.Name.StringValue is "nodes")
                    perItem += 1 + SelectionCost(child.SelectionSet, Element(complex, "nodes"), reading);
                else if (child.Name.StringValue is "edges")
                    perItem += child.SelectionSet?.Selections.OfType<GraphQLField>().Where(n => n.Name.StringValue == "node")
                        .Sum(n => 1 + SelectionCost(n.SelectionSet, Element(Element(complex, "edges"), "node"), reading)) ?? 0;
                else
                    once += FieldCost(child, complex, reading);
            return 2 + once + (pageSize ?? 0) * perItem;
        }
        var one = 1 + SelectionCost(field.SelectionSet, complex, reading);
        return isList ? (pageSize ?? 1) * one : one;
    }

    private static IComplexGraphType Element(IComplexGraphType parent, string field)
    {
        var type = parent.GetField(field)!.ResolvedType!;
        Unwrap(ref type);
        return (IComplexGraphType)type;
    }

    private static IComplexGraphType TypeOf(GraphQLTypeCondition? condition, IComplexGraphType parent, Reading reading) =>
        condition is not null && reading.Schema.AllTypes[condition.Type.Name.StringValue] is IComplexGraphType type ? type : parent;

    /// <summary>Strips non-null and list wrappers; says whether there was a list.</summary>
    private static bool Unwrap(ref IGraphType type)
    {
        var isList = false;
        while (true)
        {
            switch (type)
            {
                case NonNullGraphType nonNull: type = nonNull.ResolvedType!; break;
                case ListGraphType list: isList = true; type = list.ResolvedType!; break;
                default: return isList;
            }
        }
    }

    private static int? PageSize(GraphQLField field, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            var name = argument.Name.Value.ToString();
            if (name is not ("first" or "last"))
                continue;
            return argument.Value switch
            {
                GraphQLIntValue number => int.Parse(number.Value.Span, CultureInfo.InvariantCulture),
                GraphQLVariable variable when variables.TryGetValue(variable.Name.Value.ToString(), out var value) && value is not null
                    => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
                _ => 0,
            };
        }
        return null;
    }
}
