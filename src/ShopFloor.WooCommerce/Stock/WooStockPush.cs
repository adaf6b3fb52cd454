using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;

namespace ShopFloor.WooCommerce.Stock;

public sealed record WooPushReport(int Sent, int Refused, int Calls);

/// <param name="Missing">Linked products or variations the store no longer has.</param>
public sealed record WooReconcileReport(int Compared, int Drifted, int Repaired, int Missing);

/// <summary>
/// R-SYNC-4 for WooCommerce: a linked product's or variation's stock_quantity becomes Available at the store's
/// location — in stock − committed (+ potential for kits), whole units — sent with manage_stock on, through the
/// batch endpoints (100 items a call; variations per parent product). A value already sent is not sent again.
/// </summary>
public sealed class WooStockPush(ShopFloorDbContext db, WooClient woo, WooKeys keys, SyncLogWriter log)
{
    private const int BatchLimit = 100;

    public async Task<WooPushReport> PushAsync(WooStore store, IReadOnlyList<SkuLink> links, bool force, CancellationToken ct)
    {
        var targets = await TargetsAsync(store, links, ct);
        var due = links.Select(link => (Link: link, Quantity: targets[link.VariantId])).Where(x => force || x.Link.PushedQuantity != x.Quantity).ToList();
        return await SendAsync(store, due, ct);
    }

    /// <summary>
    /// product.updated: the store's own figures of one product. A level the store shows above ShopFloor's is set back;
    /// one below is left, since it may be a sale whose order has not arrived yet, and raising it would put that sale
    /// back on sale (the order's import sends the level again anyway).
    /// </summary>
    public async Task<WooPushReport> CorrectAsync(WooStore store, long wooProductId, CancellationToken ct)
    {
        var product = WooLinkIds.Text(wooProductId);
        var links = await db.LinksOf(WooChannel.Store(store.Id)).Where(l => l.StoreProductId == product).ToListAsync(ct);
        if (links.Count == 0)
            return new WooPushReport(0, 0, 0);
        var credentials = keys.CredentialsOf(store);
        var inStore = links.Any(l => l.IsVariation())
            ? (await woo.ListAsync<WooVariation>(credentials, $"products/{wooProductId}/variations", ct)).ToDictionary(v => v.Id, v => v.StockQuantity)
            : new Dictionary<long, int?> { [wooProductId] = (await woo.GetAsync<WooProduct>(credentials, $"products/{wooProductId}", ct)).StockQuantity };
        var targets = await TargetsAsync(store, links, ct);
        var above = links.Where(l => inStore.GetValueOrDefault(l.WooItemId()) is { } shown && shown > targets[l.VariantId])
            .Select(l => (Link: l, Quantity: targets[l.VariantId])).ToList();
        return await SendAsync(store, above, ct);
    }

    /// <summary>
    /// Reconciliation: every linked product's and variation's stock read from the store and compared with ShopFloor's
    /// Available; each that differs, either way, is set to ShopFloor's figure.
    /// </summary>
    public async Task<WooReconcileReport> ReconcileAsync(WooStore store, CancellationToken ct)
    {
        var links = await db.LinksOf(WooChannel.Store(store.Id)).ToListAsync(ct);
        var credentials = keys.CredentialsOf(store);
        var inStore = (await woo.ListAsync<WooProduct>(credentials, "products", ct)).ToDictionary(p => p.Id, p => p.StockQuantity);
        foreach (var parent in links.Where(l => l.IsVariation()).Select(l => l.WooProductId()).Distinct())
            foreach (var variation in await woo.ListAsync<WooVariation>(credentials, $"products/{parent}/variations", ct))
                inStore[variation.Id] = variation.StockQuantity;
        var targets = await TargetsAsync(store, links, ct);
        var drifted = links.Where(l => inStore.TryGetValue(l.WooItemId(), out var shown) && shown != targets[l.VariantId])
            .Select(l => (Link: l, Quantity: targets[l.VariantId])).ToList();
        var missing = links.Count(l => !inStore.ContainsKey(l.WooItemId()));
        var sent = await SendAsync(store, drifted, ct);
        return new WooReconcileReport(links.Count, drifted.Count, sent.Sent, missing);
    }

    /// <summary>Available at the store's location per linked variant, in whole units.</summary>
    private async Task<Dictionary<long, int>> TargetsAsync(WooStore store, IReadOnlyList<SkuLink> links, CancellationToken ct)
    {
        var variantIds = links.Select(l => l.VariantId).Distinct().ToList();
        var levels = await (from l in db.StockLevels.AsNoTracking()
                            join v in db.Variants on l.VariantId equals v.Id
                            where l.LocationId == store.LocationId && variantIds.Contains(l.VariantId)
                            select new { l.VariantId, l.InStock, l.Committed, l.Potential, v.Item.IsKit }).ToDictionaryAsync(l => l.VariantId, ct);
        return variantIds.ToDictionary(id => id, id => levels.TryGetValue(id, out var l)
            ? (int)Math.Clamp(Math.Floor(l.InStock - l.Committed + (l.IsKit ? l.Potential ?? 0 : 0)), int.MinValue, int.MaxValue)
            : 0);
    }

    private async Task<WooPushReport> SendAsync(WooStore store, List<(SkuLink Link, int Quantity)> due, CancellationToken ct)
    {
        var credentials = keys.CredentialsOf(store);
        var (refused, calls) = (0, 0);
        var sent = new List<string>();
        var groups = due.GroupBy(x => x.Link.IsVariation() ? $"products/{x.Link.StoreProductId}/variations/batch" : "products/batch");
        foreach (var group in groups)
            foreach (var chunk in group.Chunk(BatchLimit))
            {
                var update = chunk.Select(x => new { id = x.Link.WooItemId(), manage_stock = true, stock_quantity = x.Quantity }).ToList();
                var result = await woo.WriteAsync<WooBatchResult>(credentials, HttpMethod.Post, group.Key, new { update }, ct);
                calls++;
                var refusedIds = result.Update.Where(i => i.Error is not null).ToDictionary(i => i.Id, i => i.Error!);
                foreach (var (link, quantity) in chunk)
                    if (refusedIds.TryGetValue(link.WooItemId(), out var error))
                    {
                        refused++;
                        await log.OutAsync(WooChannel.Store(store.Id), SyncSubject.Stock, SyncOutcome.NeedsAction,
                            $"the store refused stock {quantity} for {link.Sku}: {error.Message}", link.Sku, ct);
                    }
                    else
                    {
                        link.PushedQuantity = quantity;
                        sent.Add($"{link.Sku} {quantity}");
                    }
            }
        if (sent.Count > 0)
            await log.OutAsync(WooChannel.Store(store.Id), SyncSubject.Stock, SyncOutcome.Ok, $"stock sent: {string.Join(", ", sent)}", null, ct);
        return new WooPushReport(sent.Count, refused, calls);
    }
}
