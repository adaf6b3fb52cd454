namespace ShopFloor.Shopify.Connection;

// The shop and its locations as the Shop and Locations queries select them: Shopify's own field names.

public sealed record ShopNode(string? Name, bool TaxesIncluded);

public sealed record LocationNode(string Id, string? Name, bool IsActive);
