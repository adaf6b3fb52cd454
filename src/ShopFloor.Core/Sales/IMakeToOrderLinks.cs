namespace ShopFloor.Core.Sales;

/// <summary>
/// R-MO-1: how linked manufacturing orders follow their sales rows. Implemented by the making module so that
/// sales need not know how manufacturing orders work.
/// </summary>
public interface IMakeToOrderLinks
{
    /// <summary>A linked row's quantity changed: a not-started MO follows, a started one is unlinked and flagged.</summary>
    Task RowQuantityChangedAsync(SalesOrderRow row, CancellationToken ct);

    /// <summary>A linked row (or its order) is going away: a not-started MO is deleted, a started one unlinked and flagged.</summary>
    Task RowRemovedAsync(SalesOrderRow row, CancellationToken ct);

    /// <summary>
    /// Kits left the shelf (packed or delivered) that were not on it: they are assembled from their components
    /// (a completed manufacturing order), so the components leave stock and the kit does not go below zero.
    /// </summary>
    Task AssembleShortKitsAsync(SalesOrder order, IReadOnlyDictionary<Inventory.StockKey, decimal> leaving, CancellationToken ct);
}
