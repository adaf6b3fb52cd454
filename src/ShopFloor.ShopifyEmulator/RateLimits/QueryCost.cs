using System.Text.Json.Nodes;
using GraphQLParser.AST;

namespace ShopFloor.ShopifyEmulator.RateLimits;

/// <summary>
/// Shopify's calculated query cost, from the document alone: scalars and enums 0, objects 1, connections 2 plus
/// the cost of each requested item (first/last), mutations 10. A single query may cost at most 1,000. The
/// requested cost is taken before the query runs; the actual cost counts the items really returned, and the
/// difference is given back, as Shopify does.
/// </summary>
public static class QueryCost
{
    public const int MaxSingleQuery = 1_000;
    private const int MutationCost = 10;

    public static int Of(GraphQLDocument document, string? operationName, IReadOnlyDictionary<string, object?>? variables)
    {
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => operationName is null || o.Name?.Value.ToString() == operationName);
        if (operation is null)
            return 0;
        if (operation.Operation == OperationType.Mutation)
            return MutationCost * operation.SelectionSet.Selections.OfType<GraphQLField>().Count();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.Value.ToString());
        return SelectionCost(operation.SelectionSet, fragments, variables ?? new Dictionary<string, object?>());
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

    private static int SelectionCost(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, IReadOnlyDictionary<string, object?> variables)
    {
        if (set is null)
            return 0;
        var cost = 0;
        foreach (var selection in set.Selections)
            cost += selection switch
            {
                GraphQLField field => FieldCost(field, fragments, variables),
                GraphQLInlineFragment inline => SelectionCost(inline.SelectionSet, fragments, variables),
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.Value.ToString(), out var fragment)
                    => SelectionCost(fragment.SelectionSet, fragments, variables),
                _ => 0,
            };
        return cost;
    }

    private static int FieldCost(GraphQLField field, Dictionary<string, GraphQLFragmentDefinition> fragments, IReadOnlyDictionary<string, object?> variables)
    {
        if (field.SelectionSet is null)
            return 0; // scalar or enum
        var pageSize = PageSize(field, variables);
        if (pageSize is null)
            return 1 + SelectionCost(field.SelectionSet, fragments, variables);
        // A connection: edges/nodes are charged once per requested item, pageInfo and the like once.
        var perItem = 0;
        var once = 0;
        foreach (var child in field.SelectionSet.Selections.OfType<GraphQLField>())
        {
            var name = child.Name.Value.ToString();
            if (name is "edges" or "nodes")
                perItem += Math.Max(1, SelectionCost(child.SelectionSet, fragments, variables) - (name == "edges" ? 1 : 0));
            else
                once += FieldCost(child, fragments, variables);
        }
        return 2 + once + pageSize.Value * perItem;
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
                GraphQLIntValue number => int.Parse(number.Value.Span),
                GraphQLVariable variable when variables.TryGetValue(variable.Name.Value.ToString(), out var value) && value is not null
                    => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
                _ => 0,
            };
        }
        return null;
    }
}
