using GraphQL;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>
/// One object of a GraphQL answer: its type name and its fields, each a value or a function of the field's
/// arguments (connections, fields that take arguments, fields read lazily from the store).
/// </summary>
public sealed class Node(string typeName) : Dictionary<string, object?>
{
    public string TypeName { get; } = typeName;

    public Node With(string field, object? value)
    {
        this[field] = value;
        return this;
    }

    public Node With(string field, Func<IResolveFieldContext, object?> resolve)
    {
        this[field] = resolve;
        return this;
    }
}
