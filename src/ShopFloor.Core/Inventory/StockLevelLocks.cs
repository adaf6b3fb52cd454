using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Inventory;

/// <summary>
/// Creates missing stock levels and locks the given ones for the rest of the transaction, always in key order
/// so two changes never wait on each other in a cycle. PostgreSQL locks the rows (FOR UPDATE); SQLite has
/// one writer at a time already, because its transactions begin IMMEDIATE.
/// </summary>
public sealed class StockLevelLocks(ShopFloorDbContext db)
{
    private const int KeysPerStatement = 300;

    public async Task<Dictionary<StockKey, StockLevel>> LockAsync(IEnumerable<StockKey> keys, CancellationToken ct)
    {
        var sorted = keys.Distinct().Order().ToList();
        var lockClause = db.Database.IsNpgsql() ? " FOR UPDATE" : "";
        var levels = new Dictionary<StockKey, StockLevel>(sorted.Count);
        foreach (var chunk in sorted.Chunk(KeysPerStatement))
        {
            // Key values are numbers from StockKey, never user text, so composing them into SQL is safe.
            var insert = new StringBuilder("INSERT INTO stock_levels (variant_id, location_id, in_stock, committed, expected) VALUES ");
            AppendJoined(insert, chunk, ", ", (sb, k) => sb.Append('(').Append(k.VariantId).Append(", ").Append(k.LocationId).Append(", 0, 0, 0)"));
            insert.Append(" ON CONFLICT (variant_id, location_id) DO NOTHING");
            await db.Database.ExecuteSqlRawAsync(insert.ToString(), ct);

            var select = new StringBuilder("SELECT * FROM stock_levels WHERE ");
            AppendJoined(select, chunk, " OR ", (sb, k) => sb.Append("(variant_id = ").Append(k.VariantId).Append(" AND location_id = ").Append(k.LocationId).Append(')'));
            select.Append(" ORDER BY variant_id, location_id").Append(lockClause);
            foreach (var level in await db.StockLevels.FromSqlRaw(select.ToString()).AsTracking().ToListAsync(ct))
                levels[level.Key] = level;
        }
        return levels;
    }

    private static void AppendJoined(StringBuilder sb, StockKey[] keys, string separator, Action<StringBuilder, StockKey> append)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0)
                sb.Append(separator);
            append(sb, keys[i]);
        }
    }
}
