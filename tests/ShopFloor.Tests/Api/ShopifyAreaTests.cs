using NetArchTest.Rules;
using ShopFloor.Shopify.Orders;

namespace ShopFloor.Tests.Api;

/// <summary>
/// The Shopify project's areas depend only downwards (docs/architecture.md), so a newcomer can read one without
/// the ones above it and a second channel can reuse the lower ones. Read from the compiled code, method bodies too.
/// </summary>
public sealed class ShopifyAreaTests
{
    // Top first: each area may use those after it, never those before it.
    private static readonly string[] Layers =
        ["Webhooks", "Sync", "Returns", "Orders", "Stock", "Jobs", "Mapping", "Fulfillments", "Outbox", "Connection", "Client", "SyncLog"];

    public static TheoryData<string> Areas() => [.. Layers];

    [Theory]
    [MemberData(nameof(Areas))]
    public void An_area_does_not_depend_on_the_areas_above_it(string area)
    {
        // Named type by type: a namespace given as a prefix would take Sync for SyncLog.
        var assembly = typeof(OrderSync).Assembly;
        var above = Layers.TakeWhile(a => a != area).Select(a => $"ShopFloor.Shopify.{a}").ToHashSet();
        var typesAbove = assembly.GetTypes().Where(t => t.Namespace is { } ns && above.Contains(ns)).Select(t => t.FullName!).ToArray();
        if (typesAbove.Length == 0)
            return;
        var result = Types.InAssembly(assembly)
            .That().ResideInNamespaceMatching($@"^ShopFloor\.Shopify\.{area}$")
            .ShouldNot().HaveDependencyOnAny(typesAbove)
            .GetResult();
        Assert.True(result.IsSuccessful, $"{area} uses an area above it: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
