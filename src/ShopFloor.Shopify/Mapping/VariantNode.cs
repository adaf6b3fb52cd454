using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Mapping;

/// <summary>A variant as the product's variants are read for its SKU mapping: Shopify's own field names.</summary>
public sealed record VariantNode(string Id, string? Sku, IdOnly InventoryItem);
