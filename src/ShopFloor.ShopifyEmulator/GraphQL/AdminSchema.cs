using System.Diagnostics;
using System.Text.RegularExpressions;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>
/// The real Admin API schemas (2026-01 and 2026-10), loaded from their SDL on first use. Every document is validated against it, so what
/// Shopify would reject is rejected here. Objects are <see cref="Node"/>s: a field resolves to the node's value
/// of the same name, or to a function of the field's arguments.
/// </summary>
public static partial class AdminSchema
{
    private static readonly Lazy<ISchema> Schema202601 = new(() => Load("2026-01"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<ISchema> Schema202610 = new(() => Load("2026-10"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The schema of the version ShopFloor is built on.</summary>
    public static ISchema Instance => For(ApiVersions.Latest);

    public static ISchema For(string version) => ApiVersions.SchemaOf(version) == "2026-01" ? Schema202601.Value : Schema202610.Value;

    private static ISchema Load(string version)
    {
        var watch = Stopwatch.StartNew();
        using var stream = typeof(AdminSchema).Assembly.GetManifestResourceStream($"admin-{version}.schema.graphql")!;
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
        Console.Error.WriteLine($"Admin API schema {version} loaded in {watch.ElapsedMilliseconds} ms ({schema.AllTypes.Count} types)");
        return schema;
    }

    [GeneratedRegex(@"^(?:interface|union) (\w+)", RegexOptions.Multiline)]
    private static partial Regex AbstractTypes();

    [GeneratedRegex(@"^scalar (\w+)", RegexOptions.Multiline)]
    private static partial Regex Scalars();
}
