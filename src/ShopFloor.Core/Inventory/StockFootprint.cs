namespace ShopFloor.Core.Inventory;

/// <summary>
/// A document's whole effect on stock in its current state: what it has taken or added (in stock), what it
/// holds (committed) and what it will bring (expected), row by row. Any change to a document is then applied
/// as the difference between its footprint before and after, so every transition and its reversal is exact.
/// </summary>
public static class StockFootprint
{
    public static IReadOnlyList<StockChange> Diff(IEnumerable<StockChange> before, IEnumerable<StockChange> after) =>
        before.Select(c => (Change: c, Sign: -1m)).Concat(after.Select(c => (Change: c, Sign: 1m)))
            .GroupBy(x => (x.Change.Key, x.Change.Cause?.ResourceType, x.Change.Cause?.ResourceId))
            .Select(g => new StockChange(
                g.Key.Key.VariantId, g.Key.Key.LocationId,
                InStock: g.Sum(x => x.Sign * x.Change.InStock),
                Committed: g.Sum(x => x.Sign * x.Change.Committed),
                Expected: g.Sum(x => x.Sign * x.Change.Expected),
                Cause: g.Select(x => x.Change.Cause).LastOrDefault(c => c is not null)))
            .Where(c => c.InStock != 0 || c.Committed != 0 || c.Expected != 0)
            .ToList();
}
