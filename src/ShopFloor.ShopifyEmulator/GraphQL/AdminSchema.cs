using System.Diagnostics;
using System.Text.RegularExpressions;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>
/// The real Admin API schema (2026-01), loaded from its SDL. Every document is validated against it, so what
/// Shopify would reject is rejected here. Objects are <see cref="Node"/>s: a field resolves to the node's value
/// of the same name, or to a function of the field's arguments.
/// </summary>
public static partial class AdminSchema
{
    public const string ApiVersion = "2026-01";
    private static readonly Lazy<ISchema> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ISchema Instance => Shared.Value;

    private static ISchema Load()
    {
        var watch = Stopwatch.StartNew();
        using var stream = typeof(AdminSchema).Assembly.GetManifestResourceStream("admin-2026-01.schema.graphql")!;
        var sdl = new StreamReader(stream).ReadToEnd();
        ISchema? schema = null;
        schema = Schema.For(sdl, builder =>
        {
            foreach (Match abstractType in AbstractTypes().Matches(sdl))
                builder.Types.For(abstractType.Groups[1].Value).ResolveType =
                    value => value is Node node && schema!.AllTypes[node.TypeName] is IObjectGraphType type
                        ? type
                        : throw new InvalidOperationException($"No object type for {value}.");
        });
        foreach (Match scalar in Scalars().Matches(sdl))
            schema.RegisterType(new ShopifyScalar(scalar.Groups[1].Value));
        schema.Initialize();
        foreach (var type in schema.AllTypes.OfType<IObjectGraphType>())
            foreach (var field in type.Fields)
                field.Resolver ??= NodeResolver.Instance;
        Console.Error.WriteLine($"Admin API schema {ApiVersion} loaded in {watch.ElapsedMilliseconds} ms ({schema.AllTypes.Count} types)");
        return schema;
    }

    [GeneratedRegex(@"^(?:interface|union) (\w+)", RegexOptions.Multiline)]
    private static partial Regex AbstractTypes();

    [GeneratedRegex(@"^scalar (\w+)", RegexOptions.Multiline)]
    private static partial Regex Scalars();
}
