using GraphQL;
using GraphQL.Resolvers;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>Resolves a field of a <see cref="Node"/>: its stored value, or the result of its function (awaited when it is a task).</summary>
internal sealed class NodeResolver : IFieldResolver
{
    public static readonly NodeResolver Instance = new();

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        if (context.Source is not Node node || !node.TryGetValue(context.FieldDefinition.Name, out var value))
            return null;
        var resolved = value is Func<IResolveFieldContext, object?> resolve ? resolve(context) : value;
        return resolved is Task<object?> pending ? await pending : resolved;
    }
}
