namespace ShopFloor.Core.Inventory;

/// <summary>
/// Told, inside the transaction, which levels a change moved, after the new figures are tracked but before
/// they are saved; e.g. sales-order availability is re-allotted for exactly those variants and locations.
/// </summary>
public interface IStockLevelObserver
{
    Task LevelsChangedAsync(IReadOnlyCollection<StockKey> keys, CancellationToken ct);
}
