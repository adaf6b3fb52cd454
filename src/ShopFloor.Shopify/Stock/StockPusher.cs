using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Stock;

public sealed record PushReport(int Sent, int Unchanged, int Rejected, int Calls);

/// <summary>
/// Sets Available in one store: values Shopify already has are skipped, the rest go 250 to an
/// inventorySetQuantities call, each guarded by changeFromQuantity when ShopFloor knows Shopify's value. A stale
/// compare is re-read and sent again (ShopFloor is the source of truth); a value Shopify rejects is dropped and
/// logged for the merchant. Throws when Shopify cannot be reached, so the caller retries.
/// Before raising a level (or setting one whose value it does not know, or after a stale compare), Shopify's own
/// Available and committed are read: units Shopify holds for orders ShopFloor has not applied yet (its committed
/// beyond what the store's applied orders hold) stay off sale, so a push never puts a sale ShopFloor has not seen
/// back on sale; once the order is applied, ShopFloor's own figure carries it.
/// </summary>
public sealed class StockPusher(ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, SyncLogWriter log, TimeProvider clock)
{
    public const int MaxPerCall = 250;
    private const int MaxRounds = 3;

    /// <summary>Raises checked against Shopify's committed per 250-level call (one read of them all); beyond, the CAS alone guards.</summary>
    private const int MaxChecks = Operations.LevelsPerRead;

    public async Task<PushReport> PushAsync(ShopifyStore store, IReadOnlyList<LevelTarget> targets, CancellationToken ct)
    {
        var known = await KnownAsync(store.Id, targets, ct);
        var outOfRange = targets.Where(t => Math.Abs((decimal)t.Quantity) > Core.Common.Guard.MaxQuantity).ToList();
        foreach (var target in outOfRange.DistinctBy(t => (t.ShopifyLocationId, t.InventoryItemId)))
            await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Stock, SyncOutcome.NeedsAction,
                $"Available {target.Quantity:#,0} for inventory item {target.InventoryItemId} at location {target.ShopifyLocationId} is beyond what Shopify accepts " +
                $"(±{Core.Common.Guard.MaxQuantity:#,0}); correct the stock in ShopFloor", target.InventoryItemId, ct: ct);
        targets = targets.Except(outOfRange).ToList();
        var changed = targets.Where(t => !known.TryGetValue((t.ShopifyLocationId, t.InventoryItemId), out var level) || level.Quantity != t.Quantity)
            .DistinctBy(t => (t.ShopifyLocationId, t.InventoryItemId)).ToList();
        var (sent, calls, settled) = (0, 0, 0);
        var credentials = tokens.CredentialsOf(store);
        var push = Guid.NewGuid();
        foreach (var chunk in changed.Chunk(MaxPerCall))
        {
            var batch = chunk.Select(t => new Row(t, known.GetValueOrDefault((t.ShopifyLocationId, t.InventoryItemId))?.Quantity)).ToList();
            var read = batch.Count;
            batch = await ReadBeforeSendingAsync(credentials, store, batch,
                r => r.Target.StoreCommitted is not null && (r.ChangeFrom is null || r.Target.Quantity > r.ChangeFrom), MaxChecks, ct);
            settled += read - batch.Count; // Shopify already has what they should show
            for (var round = 1; batch.Count > 0; round++)
            {
                calls++;
                var errors = await SetAsync(credentials, store, push, batch, ct);
                if (errors.Count == 0)
                {
                    await RememberAsync(store.Id, batch.Select(r => r.Target), ct);
                    sent += batch.Count;
                    break;
                }
                if (round == MaxRounds)
                    throw new ShopifyException($"Shopify kept refusing stock values for {store.ShopDomain}: {errors[0].Message}");
                batch = await RecoverAsync(credentials, store, batch, errors, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return new PushReport(sent, targets.Count - changed.Count + settled, changed.Count - sent - settled + outOfRange.Count, calls);
    }

    private sealed record Row(LevelTarget Target, long? ChangeFrom);

    /// <summary>
    /// Rows <paramref name="check"/> picks (at most <paramref name="limit"/>) get Shopify's current values: the
    /// compare is then against what Shopify has, and the target leaves out what Shopify's unapplied orders hold. A row
    /// that then matches Shopify needs no call.
    /// </summary>
    private async Task<List<Row>> ReadBeforeSendingAsync(ShopifyCredentials credentials, ShopifyStore store, List<Row> batch, Func<Row, bool> check, int limit,
        CancellationToken ct)
    {
        var picked = batch.Where(check).Take(limit).ToHashSet();
        var current = await ReadAllAsync(credentials, picked.Select(r => r.Target).ToList(), ct);
        var result = new List<Row>(batch.Count);
        foreach (var row in batch)
        {
            if (!picked.Contains(row))
            {
                result.Add(row);
                continue;
            }
            if (!current.TryGetValue(Operations.InventoryLevelId(row.Target.ShopifyLocationId, row.Target.InventoryItemId), out var level))
            {
                result.Add(row with { ChangeFrom = null });
                continue;
            }
            var (available, committed) = level;
            var unapplied = row.Target.StoreCommitted is { } applied ? Math.Max(0, committed - applied) : 0;
            var target = row.Target with { Quantity = row.Target.Quantity - unapplied };
            if (unapplied > 0)
                await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Stock, SyncOutcome.Ok,
                    $"Available of inventory item {target.InventoryItemId} kept at {target.Quantity}, not {row.Target.Quantity}: Shopify holds {unapplied} for orders ShopFloor has not applied yet",
                    target.InventoryItemId, ct: ct);
            if (target.Quantity == available)
                await RememberAsync(store.Id, [target], ct);
            else
                result.Add(new Row(target, available));
        }
        return result;
    }

    private sealed record UserError(int Index, string Code, string Message);

    private async Task<List<UserError>> SetAsync(ShopifyCredentials credentials, ShopifyStore store, Guid push, List<Row> batch, CancellationToken ct)
    {
        var input = new
        {
            name = "available",
            reason = "correction",
            referenceDocumentUri = $"gid://shopfloor/StockSync/{store.Id}",
            quantities = batch.Select(r => new
            {
                inventoryItemId = r.Target.InventoryItemId,
                locationId = r.Target.ShopifyLocationId,
                quantity = r.Target.Quantity,
                changeFromQuantity = r.ChangeFrom,
            }),
        };
        var idempotencyKey = IdempotencyKey.For(push, input);
        var result = ShopifyJson.Read<SetQuantitiesPayload>(
            (await shopify.SendAsync(credentials, Operations.InventorySetQuantities, new { input, idempotencyKey }, ct)).GetProperty("inventorySetQuantities"));
        return result.UserErrors.Select(e => new UserError(IndexOf(e.Field), e.Code ?? "", e.Message ?? "")).ToList();
    }

    /// <summary>Stale compares are read again (and held back from Shopify's unapplied orders); rows Shopify rejects for another reason leave the batch.</summary>
    private async Task<List<Row>> RecoverAsync(ShopifyCredentials credentials, ShopifyStore store, List<Row> batch, List<UserError> errors, CancellationToken ct)
    {
        var next = new List<Row>();
        var stale = new List<Row>();
        var byIndex = errors.Where(e => e.Index >= 0).ToLookup(e => e.Index);
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i];
            var error = byIndex[i].FirstOrDefault();
            if (error is null)
                next.Add(row);
            else if (error.Code == "CHANGE_FROM_QUANTITY_STALE")
                stale.Add(row);
            else
                await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Stock, SyncOutcome.NeedsAction,
                    $"Shopify refused Available {row.Target.Quantity} for inventory item {row.Target.InventoryItemId} at location {row.Target.ShopifyLocationId}: {error.Message}",
                    row.Target.InventoryItemId, ct: ct);
        }
        if (errors.All(e => e.Index < 0))
            throw new ShopifyException($"Shopify refused the stock update of {store.ShopDomain}: {errors[0].Message}");
        next.AddRange(await ReadBeforeSendingAsync(credentials, store, stale, _ => true, int.MaxValue, ct));
        return next;
    }

    /// <summary>Shopify's Available and committed of the levels, by level id, 250 a call; a level missing is not stocked there.</summary>
    private async Task<Dictionary<string, (long Available, long Committed)>> ReadAllAsync(ShopifyCredentials credentials, IReadOnlyList<LevelTarget> targets,
        CancellationToken ct)
    {
        var levels = new Dictionary<string, (long, long)>();
        foreach (var chunk in targets.Select(t => Operations.InventoryLevelId(t.ShopifyLocationId, t.InventoryItemId)).Distinct().Chunk(Operations.LevelsPerRead))
            foreach (var node in ShopifyJson.Read<List<InventoryLevelNode?>>((await shopify.SendAsync(credentials, Operations.InventoryLevels, new { ids = chunk }, ct)).GetProperty("nodes")))
                if (node is { Id: { } id, Quantities: { } quantities })
                {
                    var named = quantities.ToDictionary(q => q.Name, q => q.Quantity);
                    levels[id] = (named.GetValueOrDefault("available"), named.GetValueOrDefault("committed"));
                }
        return levels;
    }

    public async Task<Dictionary<(string, string), PushedLevel>> KnownAsync(long storeId, IReadOnlyList<LevelTarget> targets, CancellationToken ct)
    {
        var items = targets.Select(t => t.InventoryItemId).Distinct().ToList();
        var known = await db.Set<PushedLevel>().AsNoTracking().Where(p => p.StoreId == storeId && items.Contains(p.InventoryItemId)).ToListAsync(ct);
        return known.ToDictionary(p => (p.ShopifyLocationId, p.InventoryItemId));
    }

    /// <summary>
    /// Records what Shopify now has (also after reading Shopify's values). An upsert, because other instances
    /// and the order sync write and clear the same rows.
    /// </summary>
    public async Task RememberAsync(long storeId, IEnumerable<LevelTarget> values, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in values.DistinctBy(v => (v.ShopifyLocationId, v.InventoryItemId)).Chunk(200))
        {
            var sql = new StringBuilder("INSERT INTO shopify_pushed_levels (store_id, shopify_location_id, inventory_item_id, quantity, updated_at) VALUES ");
            var parameters = new List<object>(chunk.Length * 5);
            foreach (var value in chunk)
            {
                var at = parameters.Count;
                sql.Append(at == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}})");
                parameters.AddRange([storeId, value.ShopifyLocationId, value.InventoryItemId, value.Quantity, now]);
            }
            sql.Append(" ON CONFLICT (store_id, inventory_item_id, shopify_location_id) DO UPDATE SET quantity = excluded.quantity, updated_at = excluded.updated_at");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    /// <summary>userErrors name the row as ["input", "quantities", "3", …].</summary>
    // A user error's field is ["input", "quantities", "<index>", …]: the row it concerns.
    private static int IndexOf(IReadOnlyList<string>? field) =>
        field is { Count: >= 3 } && int.TryParse(field[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : -1;
}
