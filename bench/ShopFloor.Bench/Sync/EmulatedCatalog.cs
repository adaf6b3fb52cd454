using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.Bench.Sync;

/// <summary>A store's catalogue for a benchmark: one location, and products of one tracked variant each, SKUs prefix-0 … prefix-(n−1).</summary>
internal static class EmulatedCatalog
{
    public static bool Seed(Shop shop, int variants, string skuPrefix)
    {
        shop.AddLocation("Online", DateTime.UtcNow);
        for (var p = 0; p < variants; p++)
        {
            var product = new ShopProduct { Id = shop.NextId(), Title = $"Product {p}", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            shop.Products.Add(product);
            shop.AddVariant(product, $"{skuPrefix}-{p}", 10, null, DateTime.UtcNow);
        }
        return true;
    }
}
