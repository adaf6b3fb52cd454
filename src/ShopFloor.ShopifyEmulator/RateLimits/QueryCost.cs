using GraphQLParser.AST;

namespace ShopFloor.ShopifyEmulator.RateLimits;

/// <summary>
/// Shopify's calculated query cost, from the document alone: scalars and enums 0, objects 1, connections 2 plus
/// the cost of each requested item (first/last), mutations 10. A single query may cost at most 1,000.
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
