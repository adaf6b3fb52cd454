using GraphQL.Types;
using GraphQLParser.AST;

namespace ShopFloor.Tests.Shopify;

/// <summary>
/// The requested cost of a document by Shopify's documented, conservative reading (../shared/SHOPIFY-FACTS.md):
/// an object 1, a scalar or enum 0, a connection 2 + first × the cost of one node, a list with <c>first</c> first ×
/// the cost of one element, nested ones multiplied; a mutation 10 + its selection.
/// </summary>
public static class ConservativeCost
{
    public static int Of(GraphQLDocument document, ISchema schema)
    {
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var root = operation.Operation == OperationType.Mutation ? (IComplexGraphType)schema.Mutation! : schema.Query;
        return (operation.Operation == OperationType.Mutation ? 10 : 0) + Selection(operation.SelectionSet, root, schema);
    }

    private static int Selection(GraphQLSelectionSet? set, IComplexGraphType parent, ISchema schema) =>
        set?.Selections.Sum(selection => selection switch
        {
            GraphQLField field => Field(field, parent, schema),
            GraphQLInlineFragment fragment => Selection(fragment.SelectionSet,
                fragment.TypeCondition is { } on ? (IComplexGraphType)schema.AllTypes[on.Type.Name.StringValue]! : parent, schema),
            _ => throw new NotSupportedException(selection.GetType().Name),
        }) ?? 0;

    private static int Field(GraphQLField field, IComplexGraphType parent, ISchema schema)
    {
        var name = field.Name.StringValue;
        if (name.StartsWith("__", StringComparison.Ordinal))
            return 0;
        var type = parent.GetField(name)!.ResolvedType!;
        var isList = Unwrap(ref type);
        if (type is not IComplexGraphType complex)
            return 0;
        var first = field.Arguments?.FirstOrDefault(a => a.Name.StringValue is "first" or "last")?.Value is GraphQLIntValue count
            ? int.Parse(count.Value.Span)
            : 1;
        if (complex.Name.EndsWith("Connection", StringComparison.Ordinal))
            return 2 + first * NodeCost(field.SelectionSet, complex, schema);
        var one = 1 + Selection(field.SelectionSet, complex, schema);
        return isList ? first * one : one;
    }

    /// <summary>One node of a connection, selected as nodes { … } or edges { node { … } }.</summary>
    private static int NodeCost(GraphQLSelectionSet? set, IComplexGraphType connection, ISchema schema) =>
        set?.Selections.OfType<GraphQLField>().Sum(f => f.Name.StringValue switch
        {
            "nodes" => Element(f, connection, schema),
            "edges" => f.SelectionSet?.Selections.OfType<GraphQLField>().Where(n => n.Name.StringValue == "node")
                .Sum(n => Element(n, EdgeType(connection, schema), schema)) ?? 0,
            _ => 0,
        }) ?? 0;

    private static int Element(GraphQLField field, IComplexGraphType parent, ISchema schema)
    {
        var type = parent.GetField(field.Name.StringValue)!.ResolvedType!;
        Unwrap(ref type);
        return 1 + Selection(field.SelectionSet, (IComplexGraphType)type, schema);
    }

    private static IComplexGraphType EdgeType(IComplexGraphType connection, ISchema schema)
    {
        var type = connection.GetField("edges")!.ResolvedType!;
        Unwrap(ref type);
        return (IComplexGraphType)type;
    }

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
}
