using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Shopify.Stock;

/// <summary>
/// One writer of Available per store at a time, across the stock push and the reconciliation and across
/// instances. The writer reads ShopFloor's values only once it holds the lock, so whatever it sends is at least
/// as new as what any earlier writer sent; a change made meanwhile leaves an outbox event for the next round.
/// Without it, two writers that each read a value and then sent it could leave the older one in Shopify.
/// PostgreSQL: a session advisory lock on the context's connection (freed if the instance dies). SQLite runs one
/// instance, so a semaphore per store in the process is enough.
/// </summary>
public sealed class StockWriteLock
{
    // The first key of PostgreSQL's two-key advisory lock: this lock's own space, apart from other advisory locks.
    private const int LockSpace = 0x5F_4B_50; // "_KP"
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _local = new();

    public async Task<IAsyncDisposable> AcquireAsync(ShopFloorDbContext db, long storeId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var semaphore = _local.GetOrAdd(storeId, _ => new SemaphoreSlim(1, 1));
            await semaphore.WaitAsync(ct);
            return new Release(() => { semaphore.Release(); return Task.CompletedTask; });
        }
        await db.Database.OpenConnectionAsync(ct);
        var key = checked((int)storeId);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockSpace}, {key})", ct);
        return new Release(async () =>
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockSpace}, {key})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        });
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                await release();
        }
    }
}
