using GraphQL;
using GraphQL.Resolvers;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>Resolves a field of a <see cref="Node"/>: its stored value, or the result of its function.</summary>
internal sealed class NodeResolver : IFieldResolver
{
    public static readonly NodeResolver Instance = new();

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        if (context.Source is not Node node || !node.TryGetValue(context.FieldDefinition.Name, out var value))
            return ValueTask.FromResult<object?>(null);
        return ValueTask.FromResult(value is Func<IResolveFieldContext, object?> resolve ? resolve(context) : value);
    }
}
