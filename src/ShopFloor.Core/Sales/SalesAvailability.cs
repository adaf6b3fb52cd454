using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Sales;

/// <summary>
/// R-SO-3: allots stock to open sales-order rows in priority order, per variant and location, and stores each
/// row's availability. Only the keys a change touched are re-allotted, so the cost does not grow with the
/// number of open orders that do not share those variants.
/// </summary>
public sealed class SalesAvailability(ShopFloorDbContext db) : IStockLevelObserver
{
    // Keys the ledger moved during a sales-order change, re-allotted once when the change ends.
    private HashSet<StockKey>? _pending;

    public Task LevelsChangedAsync(IReadOnlyCollection<StockKey> keys, CancellationToken ct)
    {
        if (_pending is null)
            return RecomputeAsync(keys, ct);
        _pending.UnionWith(keys);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs a sales-order change, which may move stock several times (rows, shipments, kits assembled for it), and
    /// re-allots once at its end: the keys the ledger moved meanwhile and those the change names (its rows before
    /// and after, since a rank or quote change moves no stock yet changes who gets it). Nested calls join the outer one.
    /// </summary>
    public async Task<T> ReallotOnceAfterAsync<T>(Func<Task<(T Result, IEnumerable<StockKey> Keys)>> change, CancellationToken ct)
    {
        if (_pending is not null)
        {
            var (inner, innerKeys) = await change();
            _pending.UnionWith(innerKeys);
            return inner;
        }
        _pending = [];
        try
        {
            var (result, keys) = await change();
            _pending.UnionWith(keys);
            var all = _pending.ToList();
            _pending = null;
            await RecomputeAsync(all, ct);
            await db.SaveChangesAsync(ct);
            return result;
        }
        finally
        {
            _pending = null;
        }
    }

    public async Task RecomputeAsync(IReadOnlyCollection<StockKey> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
            return;
        var variantIds = keys.Select(k => k.VariantId).Distinct().ToList();
        var locationIds = keys.Select(k => k.LocationId).Distinct().ToList();
        var wanted = keys.ToHashSet();

        // Tracked queries: rows and levels the current change holds come back as the same, updated, instances;
        // rows it reopened in memory are picked up from the change tracker.
        var stored = await db.Set<SalesOrderRow>().Include(r => r.Order)
            .Where(r => r.TracksStock && variantIds.Contains(r.VariantId!.Value) && locationIds.Contains(r.LocationId)
                        && r.Order.Status != SalesOrderStatus.Delivered && r.Order.Status != SalesOrderStatus.Cancelled
                        && r.Order.Status != SalesOrderStatus.Pending)
            .ToListAsync(ct);
        var rows = stored.Concat(db.ChangeTracker.Entries<SalesOrderRow>().Where(e => e.State != EntityState.Deleted).Select(e => e.Entity))
            .Where(r => r.TracksStock && r.Order is { IsOpen: true, IsQuote: false } && wanted.Contains(new StockKey(r.VariantId!.Value, r.LocationId)))
            .DistinctBy(r => r.Id)
            .ToLookup(r => new StockKey(r.VariantId!.Value, r.LocationId));
        var levels = (await db.StockLevels.Where(l => variantIds.Contains(l.VariantId) && locationIds.Contains(l.LocationId)).ToListAsync(ct))
            .ToDictionary(l => l.Key);

        foreach (var key in wanted)
            Allot(rows[key], levels.GetValueOrDefault(key));
    }

    private static void Allot(IEnumerable<SalesOrderRow> keyRows, StockLevel? level)
    {
        var rows = keyRows.OrderBy(r => r.Order.PriorityRank).ThenBy(r => r.Order.Id).ThenBy(r => r.Id).ToList();
        if (rows.Count == 0)
            return;
        // What others (manufacturing ingredients) hold comes off the shelf first; rows covered by a
        // make-to-order MO wait for its output rather than the general expected stock.
        var committedBySales = rows.Where(r => r.Order.CommitsStock).Sum(r => r.Open);
        var shelf = (level?.InStock ?? 0) - Math.Max(0, (level?.Committed ?? 0) - committedBySales);
        var incoming = Math.Max(0, (level?.Expected ?? 0) - rows.Where(r => r.ExpectedFromManufacturing).Sum(r => r.Open));

        var demand = 0m;
        foreach (var row in rows)
        {
            if (row.Open == 0)
            {
                row.Availability = RowAvailability.Picked;
                continue;
            }
            if (row.ExpectedFromManufacturing)
            {
                row.Availability = RowAvailability.Expected;
                continue;
            }
            demand += row.Open;
            row.Availability = demand <= shelf ? RowAvailability.InStock
                : demand <= shelf + incoming ? RowAvailability.Expected
                : RowAvailability.NotAvailable;
        }
    }
}
