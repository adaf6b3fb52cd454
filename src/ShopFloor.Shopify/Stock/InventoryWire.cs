using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Stock;

// Levels and the set mutation's answer as the stock documents select them: Shopify's own field names.

/// <summary>A level read by id (<c>nodes(ids:)</c>); the id and quantities are absent for a level Shopify no longer has.</summary>
public sealed record InventoryLevelNode(string? Id, IReadOnlyList<QuantityNode>? Quantities);

public sealed record SetQuantitiesError(IReadOnlyList<string>? Field, string? Code, string? Message);

public sealed record SetQuantitiesPayload(IReadOnlyList<SetQuantitiesError> UserErrors);
