using Microsoft.EntityFrameworkCore;

namespace ShopFloor.Core.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, again from scratch if the database reports a transient
    /// failure (a PostgreSQL deadlock or serialization failure). The work must do all its reads and writes
    /// inside, since the change tracker is cleared before each attempt. Inside a transaction already, the work
    /// joins it: the outer one commits or retries the whole.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this ShopFloorDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
            return work(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);
    }
}
