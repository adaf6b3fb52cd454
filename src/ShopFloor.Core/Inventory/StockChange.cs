namespace ShopFloor.Core.Inventory;

/// <summary>
/// A delta to one variant at one location. A change of <see cref="InStock"/> becomes a movement and must name
/// its <see cref="Cause"/>; committed and expected are running figures of open documents and need none.
/// </summary>
public sealed record StockChange(
    long VariantId,
    long LocationId,
    decimal InStock = 0,
    decimal Committed = 0,
    decimal Expected = 0,
    MovementCause? Cause = null)
{
    public StockKey Key => new(VariantId, LocationId);
}
