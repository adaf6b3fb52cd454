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

        // What the current change holds (rows and orders it made, edited or reopened) counts as it is in memory; every
        // other open row only by its figures, in one light read: a flash sale leaves thousands of open orders of a SKU,
        // and loading them whole for every new order made each import slower than the last.
        var trackedRows = db.ChangeTracker.Entries<SalesOrderRow>().ToList();
        var trackedOrders = db.ChangeTracker.Entries<SalesOrder>().Where(e => e.State != EntityState.Added).ToDictionary(e => e.Entity.Id, e => e.Entity);
        var inMemory = trackedRows.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        var stored = await db.Set<SalesOrderRow>().AsNoTracking()
            .Where(r => r.TracksStock && variantIds.Contains(r.VariantId!.Value) && locationIds.Contains(r.LocationId)
                        && r.Order.Status != SalesOrderStatus.Delivered && r.Order.Status != SalesOrderStatus.Cancelled
                        && r.Order.Status != SalesOrderStatus.Pending)
            .Select(r => new StoredRow(r.Id, r.SalesOrderId, r.VariantId!.Value, r.LocationId, r.Quantity - r.Packed - r.Delivered, r.ExpectedFromManufacturing,
                r.Availability, r.Order.PriorityRank, r.Order.CommitsStock, r.Order.IsQuote))
            .ToListAsync(ct);
        var candidates = stored.Where(r => !inMemory.Contains(r.Id))
            .Select(r => trackedOrders.TryGetValue(r.OrderId, out var order)
                ? order is { IsOpen: true, IsQuote: false } ? new Candidate(r with { Rank = order.PriorityRank, Commits = order.CommitsStock }, null) : null
                : r.IsQuote ? null : new Candidate(r, null))
            .OfType<Candidate>()
            .Concat(trackedRows.Where(e => e.State != EntityState.Deleted).Select(e => e.Entity)
                .Where(r => r.TracksStock && r.VariantId is not null && r.Order is { IsOpen: true, IsQuote: false })
                .Select(r => new Candidate(new StoredRow(r.Id, r.Order.Id, r.VariantId!.Value, r.LocationId, r.Open, r.ExpectedFromManufacturing,
                    r.Availability, r.Order.PriorityRank, r.Order.CommitsStock, false), r)))
            .Where(c => wanted.Contains(new StockKey(c.Row.VariantId, c.Row.LocationId)))
            .ToLookup(c => new StockKey(c.Row.VariantId, c.Row.LocationId));
        var levels = (await db.StockLevels.Where(l => variantIds.Contains(l.VariantId) && locationIds.Contains(l.LocationId)).ToListAsync(ct))
            .ToDictionary(l => l.Key);

        var changed = new Dictionary<long, RowAvailability>();
        foreach (var key in wanted)
            foreach (var (candidate, availability) in Allot(candidates[key], levels.GetValueOrDefault(key)))
                if (candidate.Entity is { } entity)
                    entity.Availability = availability;
                else if (candidate.Row.Availability != availability)
                    changed[candidate.Row.Id] = availability;
        // Rows whose availability moved are few (those near where the stock runs out): only they are loaded to be saved.
        if (changed.Count > 0)
        {
            var ids = changed.Keys.ToList();
            foreach (var row in await db.Set<SalesOrderRow>().Where(r => ids.Contains(r.Id)).ToListAsync(ct))
                row.Availability = changed[row.Id];
        }
    }

    private sealed record StoredRow(
        long Id, long OrderId, long VariantId, long LocationId, decimal Open, bool FromManufacturing, RowAvailability Availability, long Rank, bool Commits, bool IsQuote);

    private sealed record Candidate(StoredRow Row, SalesOrderRow? Entity);

    private static IEnumerable<(Candidate Candidate, RowAvailability Availability)> Allot(IEnumerable<Candidate> keyRows, StockLevel? level)
    {
        var rows = keyRows.OrderBy(c => c.Row.Rank).ThenBy(c => c.Row.OrderId).ThenBy(c => c.Row.Id).ToList();
        if (rows.Count == 0)
            yield break;
        // What others (manufacturing ingredients) hold comes off the shelf first; rows covered by a
        // make-to-order MO wait for its output rather than the general expected stock.
        var committedBySales = rows.Where(c => c.Row.Commits).Sum(c => c.Row.Open);
        var shelf = (level?.InStock ?? 0) - Math.Max(0, (level?.Committed ?? 0) - committedBySales);
        var incoming = Math.Max(0, (level?.Expected ?? 0) - rows.Where(c => c.Row.FromManufacturing).Sum(c => c.Row.Open));

        var demand = 0m;
        foreach (var candidate in rows)
        {
            var row = candidate.Row;
            if (row.Open == 0)
            {
                yield return (candidate, RowAvailability.Picked);
                continue;
            }
            if (row.FromManufacturing)
            {
                yield return (candidate, RowAvailability.Expected);
                continue;
            }
            demand += row.Open;
            yield return (candidate, demand <= shelf ? RowAvailability.InStock
                : demand <= shelf + incoming ? RowAvailability.Expected
                : RowAvailability.NotAvailable);
        }
    }
}
