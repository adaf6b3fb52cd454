using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Jobs;

// A line of the product import's bulk result, as ProductVariantsBulkQuery selects it: Shopify's own field names.

public sealed record ProductVariantLine(string Id, string? Sku, string? Title, decimal? Price, ProductRef Product, InventoryItemLine InventoryItem);

public sealed record ProductRef(string Id, string? Title);

public sealed record InventoryItemLine(string Id, bool Tracked, MoneyV2? UnitCost);
