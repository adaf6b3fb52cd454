using System.Text.Json.Serialization;
using ShopFloor.Api;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Inventory;

/// <summary>Katana sends these quantities as decimal strings; so does ShopFloor.</summary>
public sealed record InventoryResponse(
    long VariantId, long LocationId, string SafetyStockLevel, string ReorderPoint, string AverageCost, string ValueInStock,
    string QuantityInStock, string QuantityCommitted, string QuantityExpected, string QuantityMissingOrExcess,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? QuantityPotential, string QuantityAvailable)
{
    public static InventoryResponse From(StockLevel l) => new(
        l.VariantId, l.LocationId, Text(l.SafetyStockLevel), Text(l.SafetyStockLevel), Text(l.AverageCost), Text(l.ValueInStock),
        Text(l.InStock), Text(l.Committed), Text(l.Expected),
        // Katana's "missing or excess": what the stock will be once expected goods arrive and committed ones leave, above the safety level.
        Text(l.InStock + l.Expected - l.Committed - l.SafetyStockLevel),
        l.Potential is { } p ? Text(p) : null, Text(l.Available));

    public static InventoryResponse Empty(long variantId, long locationId, bool isKit) =>
        new(variantId, locationId, "0", "0", "0", "0", "0", "0", "0", "0", isKit ? "0" : null, "0");

    private static string Text(decimal value) => DecimalJsonConverter.Format(value);
}

public sealed record MovementResponse(
    long Id, long VariantId, long LocationId, MovementResourceType ResourceType, long ResourceId, string? CausedByOrderNo,
    long? CausedByResourceId, DateTime MovementDate, decimal QuantityChange, decimal BalanceAfter, decimal ValuePerUnit,
    decimal ValueInStockAfter, decimal AverageCostAfter, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static MovementResponse From(InventoryMovement m) => new(
        m.Id, m.VariantId, m.LocationId, m.ResourceType, m.ResourceId, m.CausedByOrderNo, m.CausedByResourceId,
        m.MovementDate, m.QuantityChange, m.BalanceAfter,
        // Goods without a cost of their own moved at the average cost.
        m.ValuePerUnit ?? m.AverageCostAfter, m.ValueInStockAfter, m.AverageCostAfter, m.CreatedAt, m.CreatedAt);
}

public sealed record SafetyStockRequest(long? VariantId, long? LocationId, decimal? Value);

public sealed record SafetyStockResponse(long VariantId, long LocationId, string Value);

public sealed record NegativeStockResponse(
    long VariantId, long LocationId, DateTime? LatestNegativeStockDate, string Name, string? Sku, string? Category,
    decimal QuantityOnHand, decimal QuantityAllocated);
