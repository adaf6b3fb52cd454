using Microsoft.EntityFrameworkCore;

namespace ShopFloor.Core.Data;

public static class DocumentLocks
{
    /// <summary>
    /// Locks a document's row for the rest of the transaction before it is read for a change, so concurrent
    /// changes to one document apply one after the other, each from the state the previous one left (eight
    /// identical "received" requests move the stock once). PostgreSQL locks the row (FOR UPDATE) and the read that
    /// follows sees what the previous holder committed; SQLite needs nothing, its transactions begin IMMEDIATE and
    /// so hold the one write lock before they read.
    /// </summary>
    public static async Task LockAsync<TDocument>(this ShopFloorDbContext db, long id, CancellationToken ct) where TDocument : class
    {
        if (!db.Database.IsNpgsql())
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A document lock lasts for a transaction; take it inside one.");
        var entity = db.Model.FindEntityType(typeof(TDocument)) ?? throw new InvalidOperationException($"{typeof(TDocument).Name} is not mapped.");
        // The table name comes from the model, never from input; the id travels as a parameter.
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var sql = "SELECT 1 FROM " + table + " WHERE id = {0} FOR UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [id], ct);
    }
}
