using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Inventory;

/// <summary>
/// Creates missing stock levels and locks the given ones for the rest of the transaction, in key order so two
/// changes never wait on each other in a cycle. PostgreSQL locks the rows (FOR UPDATE); SQLite has one writer at
/// a time already, because its transactions begin IMMEDIATE. Each statement has one fixed text whatever the keys
/// (they travel as one array or JSON parameter), so the database and EF reuse their plans.
/// </summary>
public sealed class StockLevelLocks(ShopFloorDbContext db)
{
    public async Task<Dictionary<StockKey, StockLevel>> LockAsync(IEnumerable<StockKey> keys, CancellationToken ct)
    {
        var sorted = keys.Distinct().Order().ToList();
        if (sorted.Count == 0)
            return [];
        var levels = db.Database.IsNpgsql() ? await LockOnPostgresAsync(sorted, ct) : await LockOnSqliteAsync(sorted, ct);
        return levels.ToDictionary(l => l.Key);
    }

    private async Task<List<StockLevel>> LockOnPostgresAsync(List<StockKey> keys, CancellationToken ct)
    {
        var variants = keys.Select(k => k.VariantId).ToArray();
        var locations = keys.Select(k => k.LocationId).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO stock_levels (variant_id, location_id, in_stock, committed, expected)
            SELECT k.variant_id, k.location_id, 0, 0, 0 FROM unnest({variants}, {locations}) AS k(variant_id, location_id)
            ON CONFLICT (variant_id, location_id) DO NOTHING
            """, ct);
        return await db.StockLevels.FromSql($"""
            SELECT s.* FROM stock_levels s
            JOIN unnest({variants}, {locations}) AS k(variant_id, location_id)
              ON s.variant_id = k.variant_id AND s.location_id = k.location_id
            ORDER BY s.variant_id, s.location_id
            FOR UPDATE OF s
            """).AsTracking().ToListAsync(ct);
    }

    private async Task<List<StockLevel>> LockOnSqliteAsync(List<StockKey> keys, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(keys.Select(k => new[] { k.VariantId, k.LocationId }));
        // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO stock_levels (variant_id, location_id, in_stock, committed, expected)
            SELECT value ->> 0, value ->> 1, 0, 0, 0 FROM json_each({json}) WHERE true
            ON CONFLICT (variant_id, location_id) DO NOTHING
            """, ct);
        return await db.StockLevels.FromSql($"""
            SELECT s.* FROM stock_levels s
            JOIN json_each({json}) AS k ON s.variant_id = k.value ->> 0 AND s.location_id = k.value ->> 1
            """).AsTracking().ToListAsync(ct);
    }
}
