using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Webhooks;

/// <summary>
/// The enabled webhooks, read at most every few seconds: nearly every save moves stock, and asking the database
/// each time would add a query to every one. This instance forgets them at once when it changes one; other
/// instances see a change within <see cref="Freshness"/>.
/// </summary>
internal static class WebhookSubscriptions
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, (long ReadAt, IReadOnlyList<Webhook> Hooks)> ByDatabase = new();

    public static async Task<IReadOnlyList<Webhook>> EnabledAsync(ShopFloorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        if (ByDatabase.TryGetValue(key, out var cached) && clock.GetElapsedTime(cached.ReadAt) < Freshness)
            return cached.Hooks;
        var readAt = clock.GetTimestamp();
        var hooks = await db.Set<Webhook>().AsNoTracking().Where(w => w.Enabled).ToListAsync(ct);
        ByDatabase[key] = (readAt, hooks);
        return hooks;
    }

    public static void Forget(ShopFloorDbContext db) => ByDatabase.TryRemove(db.Database.GetConnectionString() ?? "", out _);
}
