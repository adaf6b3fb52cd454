using System.Net;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;

namespace ShopFloor.WooCommerce.Orders;

/// <param name="Quiet">Nothing worth a sync-log line (a repeat, a stale read).</param>
public sealed record WooSyncResult(bool Applied, string Outcome, bool Quiet = false);

/// <summary>
/// A WooCommerce order, read from the store (never taken from a webhook body), applied to its sales order:
/// imported by the shared rules (<see cref="WooImportRules"/>: once WooCommerce has taken its stock); while open, its rows follow the
/// order's lines less what was refunded (an edit, a refund before shipping); delivered when completed — a shipping
/// app such as ShipStation marks it so, with its tracking; cancelled when cancelled, refunded, failed, trashed or
/// deleted; refunds after delivery become return orders (<see cref="WooRefunds"/>). Each outcome goes in the store's
/// sync log.
/// </summary>
public sealed class WooOrderSync(ShopFloorDbContext db, WooClient woo, WooKeys keys, SalesOrders salesOrders, StoreCustomers customers,
    WooRefunds refunds, SyncLogWriter log)
{
    private static readonly string[] Undone = ["cancelled", "refunded", "failed"];

    public async Task<WooSyncResult> RefreshAsync(WooStore store, long wooOrderId, CancellationToken ct)
    {
        WooOrder order;
        try
        {
            order = await woo.GetAsync<WooOrder>(keys.CredentialsOf(store), $"orders/{wooOrderId}", ct);
        }
        catch (WooException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return await LoggedAsync(store, $"{wooOrderId}", await GoneAsync(store, wooOrderId, $"order {wooOrderId} was deleted in the store", ct), ct);
        }
        if (order.Status == "trash")
            return await LoggedAsync(store, $"#{order.Number}", await GoneAsync(store, order.Id, $"#{order.Number} was moved to the trash in the store", ct), ct);
        return await ApplyAsync(store, order, ct);
    }

    public async Task<WooSyncResult> ApplyAsync(WooStore store, WooOrder order, CancellationToken ct) =>
        await LoggedAsync(store, $"#{order.Number}", await ImportOrFollowAsync(store, order, ct), ct);

    private async Task<WooSyncResult> ImportOrFollowAsync(WooStore store, WooOrder order, CancellationToken ct)
    {
        var link = await db.Set<WooOrderLink>().AsNoTracking().FirstOrDefaultAsync(l => l.StoreId == store.Id && l.WooOrderId == order.Id, ct);
        // Refunds are read before any transaction starts: no call to the store while rows are locked.
        var refunded = await refunds.ReadAsync(store, order, ct);
        if (link is null)
            return await ImportAsync(store, order, refunded, ct);
        if (link.SalesOrderId is null)
            return new(false, $"#{order.Number} was deleted in ShopFloor and is not imported again", Quiet: true);
        if (order.ModifiedAt < link.AppliedVersion)
            return new(false, "stale: a newer version of the order is already applied", Quiet: true);
        var outcome = await db.InTransactionAsync(token => FollowAsync(store, order, link.Id, refunded, token), ct);
        await db.Set<WooOrderLink>().Where(l => l.Id == link.Id && l.AppliedVersion < order.ModifiedAt)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.AppliedVersion, order.ModifiedAt), ct);
        return outcome;
    }

    private async Task<WooSyncResult> ImportAsync(WooStore store, WooOrder order, WooRefunded refunded, CancellationToken ct)
    {
        if (WooImportRules.WhyNot(order, store) is { } reason)
            return new(false, $"#{order.Number} is not imported: {reason}");
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                var rows = await RowsAsync(store, order.LineItems, refunded, token);
                if (store.Settings.ShippingFeeRow && ShippingRow(order) is { } shipping)
                    rows.Add(shipping);
                var created = await salesOrders.CreateAsync(new CreateSalesOrder(
                    OrderNo: $"#{order.Number}", LocationId: store.LocationId, CustomerId: await CustomerAsync(order.Billing, token), CommitsStock: true,
                    IsQuote: false, Currency: order.Currency, AdditionalInfo: string.IsNullOrWhiteSpace(order.CustomerNote) ? null : order.CustomerNote,
                    Rows: rows, Addresses: Addresses(order), Channel: WooChannel.Name), token);
                db.Add(new WooOrderLink(store.Id, order.Id, created.Id, order.ModifiedAt) { SettledRefunds = refunded.Ids });
                await db.SaveChangesAsync(token);
                // WooCommerce moved its own stock for the order: what ShopFloor last sent there is no longer sure.
                await ForgetPushedAsync(store, rows.Select(r => r.VariantId), token);
                if (order.Status == "completed" && store.Settings.DeliveriesFromStore)
                    await DeliverAsync(order, created.Id, token);
                return new WooSyncResult(true, $"#{order.Number} imported as sales order {created.OrderNo} with {rows.Count} rows");
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Another worker (a webhook and the catch-up, or another instance) imported it first: follow that one.
            db.ChangeTracker.Clear();
            if (!await db.Set<WooOrderLink>().AnyAsync(l => l.StoreId == store.Id && l.WooOrderId == order.Id, ct))
                throw;
            return await ImportOrFollowAsync(store, order, ct);
        }
    }

    private async Task<WooSyncResult> FollowAsync(WooStore store, WooOrder order, long linkId, WooRefunded refunded, CancellationToken ct)
    {
        var link = await db.Set<WooOrderLink>().FirstAsync(l => l.Id == linkId, ct);
        var salesOrderId = link.SalesOrderId!.Value;
        var current = await salesOrders.LoadAsync(salesOrderId, ct);
        if (current.IsCancelled)
            return new(false, $"#{order.Number}: cancelled in ShopFloor", Quiet: true);
        if (Undone.Contains(order.Status) && current.IsOpen)
        {
            await salesOrders.EditAsync(salesOrderId, new SalesOrderEdit { Cancel = true }, ct);
            return new(true, $"#{order.Number}: {order.Status} in the store, {current.OrderNo} cancelled");
        }
        if (!current.IsOpen && !store.Settings.CreateReturns)
            return new(false, $"#{order.Number}: delivered; refunds do not make return orders for this store", Quiet: true);
        if (!current.IsOpen)
        {
            var returns = await refunds.ReturnAsync(store, order, refunded, link, current, ct);
            await db.SaveChangesAsync(ct);
            return returns > 0 ? new(true, $"#{order.Number}: {returns} refunds made return orders") : new(false, $"#{order.Number}: nothing to change", Quiet: true);
        }
        var changes = new List<string>();
        var edit = await RowEditAsync(store, order, refunded, current, ct);
        link.SettledRefunds = refunded.Ids;
        await db.SaveChangesAsync(ct);
        if (!edit.IsEmpty)
        {
            await ApplyEditAsync(order, salesOrderId, edit, ct);
            changes.Add(Describe(edit));
            await ForgetPushedAsync(store, [.. edit.AddedRows.Select(r => r.VariantId), .. current.Rows.Select(r => r.VariantId)], ct);
        }
        if (order.Status == "completed" && store.Settings.DeliveriesFromStore)
        {
            await DeliverAsync(order, salesOrderId, ct);
            changes.Add("completed in the store, delivered");
        }
        return changes.Count > 0 ? new(true, $"#{order.Number}: {string.Join("; ", changes)}") : new(false, $"#{order.Number}: nothing to change", Quiet: true);
    }

    /// <summary>
    /// Rows that came from the order's lines follow them: quantities less what was refunded, lines removed or added
    /// in the store. Rows added in ShopFloor, and orders imported before rows knew their line, are left as they are.
    /// </summary>
    private async Task<SalesOrderEdit> RowEditAsync(WooStore store, WooOrder order, WooRefunded refunded, SalesOrder current, CancellationToken ct)
    {
        var fromLines = current.Rows.Where(r => r.StoreLineItemId is not null).ToList();
        if (fromLines.Count == 0)
            return new SalesOrderEdit();
        var net = order.LineItems.ToDictionary(l => WooRefunds.Key(l.Id), l => l.Quantity - refunded.Of(l.Id));
        var added = order.LineItems.Where(l => net[WooRefunds.Key(l.Id)] > 0 && fromLines.All(r => r.StoreLineItemId != WooRefunds.Key(l.Id))).ToList();
        return new SalesOrderEdit
        {
            RemovedRowIds = fromLines.Where(r => net.GetValueOrDefault(r.StoreLineItemId!) <= 0).Select(r => r.Id).ToList(),
            QuantityChanges = fromLines.Where(r => net.GetValueOrDefault(r.StoreLineItemId!) is > 0 and var q && q != r.Quantity)
                .Select(r => (r.Id, (decimal)net[r.StoreLineItemId!])).ToList(),
            AddedRows = added.Count == 0 ? [] : await RowsAsync(store, added, refunded, ct),
        };
    }

    private async Task ApplyEditAsync(WooOrder order, long salesOrderId, SalesOrderEdit edit, CancellationToken ct)
    {
        try
        {
            await salesOrders.EditAsync(salesOrderId, edit, ct);
        }
        catch (ValidationFailedException e)
        {
            throw new SyncNeedsActionException(
                $"#{order.Number} changed in the store, and its sales order cannot follow: {string.Join("; ", e.Errors.Select(x => $"{x.Key} {string.Join(", ", x.Value)}"))}");
        }
    }

    /// <summary>The order's shipping lines as one shipping-fee row, at what the buyer paid for them.</summary>
    private static SalesRowInput? ShippingRow(WooOrder order) =>
        order.ShippingLines is { Count: > 0 } lines && lines.Sum(l => l.Total) is > 0 and var total
            ? new SalesRowInput(null, 1, total, null, string.Join(", ", lines.Select(l => l.MethodTitle)), null, SalesRowKind.ShippingFee)
            : null;

    private static string Describe(SalesOrderEdit edit) => string.Join(", ", new[]
    {
        edit.AddedRows.Count > 0 ? $"{edit.AddedRows.Count} rows added" : null,
        edit.RemovedRowIds.Count > 0 ? $"{edit.RemovedRowIds.Count} rows removed" : null,
        edit.QuantityChanges.Count > 0 ? $"{edit.QuantityChanges.Count} quantities changed" : null,
    }.OfType<string>());

    /// <summary>Trashed or deleted in the store: a sales order still open is cancelled; one delivered stays as it is.</summary>
    private async Task<WooSyncResult> GoneAsync(WooStore store, long wooOrderId, string what, CancellationToken ct)
    {
        var salesOrderId = await db.Set<WooOrderLink>().Where(l => l.StoreId == store.Id && l.WooOrderId == wooOrderId).Select(l => l.SalesOrderId).FirstOrDefaultAsync(ct);
        if (salesOrderId is null)
            return new(false, $"{what}; ShopFloor has no sales order of it", Quiet: true);
        var current = await salesOrders.LoadAsync(salesOrderId.Value, ct);
        if (current.IsCancelled || !current.IsOpen)
            return new(false, $"{what}; {current.OrderNo} is {(current.IsCancelled ? "cancelled" : "delivered")} and stays so");
        await salesOrders.EditAsync(salesOrderId.Value, new SalesOrderEdit { Cancel = true }, ct);
        return new(true, $"{what}; {current.OrderNo} cancelled");
    }

    private async Task<WooSyncResult> LoggedAsync(WooStore store, string reference, WooSyncResult result, CancellationToken ct)
    {
        if (!result.Quiet)
            await log.InAsync(WooChannel.Store(store.Id), SyncSubject.Order, result.Applied ? SyncOutcome.Ok : SyncOutcome.Skipped, result.Outcome, reference, ct);
        return result;
    }

    /// <summary>Completed in WooCommerce: every row still open ships, with the tracking a shipping app left on the order.</summary>
    private async Task DeliverAsync(WooOrder order, long salesOrderId, CancellationToken ct)
    {
        var current = await salesOrders.LoadAsync(salesOrderId, ct);
        var tracking = order.Tracking.Count > 0 ? order.Tracking[0] : null;
        await salesOrders.DeliverShippedAsync(salesOrderId, current.Rows.Select(r => (r.Id, r.Quantity)).ToList(),
            new ShipmentInfo($"woo-order-{order.Id}", tracking?.TrackingNumber, tracking?.TrackingLink, tracking?.TrackingProvider), ct);
    }

    /// <summary>
    /// Each line, less what was refunded, as a row naming its line: the linked variant (by product and variation,
    /// else by SKU), or a custom row naming what ShopFloor does not know.
    /// </summary>
    private async Task<List<SalesRowInput>> RowsAsync(WooStore store, IEnumerable<WooLineItem> lines, WooRefunded refunded, CancellationToken ct)
    {
        var itemIds = lines.Select(l => WooLinkIds.Text(l.ItemId)).ToList();
        var links = await db.LinksOf(WooChannel.Store(store.Id)).AsNoTracking().Where(l => itemIds.Contains(l.StoreItemId)).ToListAsync(ct);
        var wanted = lines.Select(l => (Line: l, Quantity: l.Quantity - refunded.Of(l.Id))).Where(l => l.Quantity > 0).ToList();
        var skus = wanted.Select(l => l.Line.Sku).OfType<string>().Where(s => s.Length > 0).ToList();
        var bySku = await SkuMatch.NewestBySkuAsync(db, skus, ct);
        return wanted.Select(x =>
        {
            var (line, quantity) = x;
            var variantId = links.FirstOrDefault(l => l.WooItemId() == line.ItemId)?.VariantId
                            ?? (line.Sku is { Length: > 0 } sku && bySku.TryGetValue(sku, out var id) ? id : null);
            return variantId is null
                ? new SalesRowInput(null, quantity, line.Price, null, $"{line.Name} ({line.Sku}): not in ShopFloor", store.LocationId, SalesRowKind.Custom,
                    WooRefunds.Key(line.Id))
                : new SalesRowInput(variantId, quantity, line.Price, null, null, store.LocationId, StoreLineItemId: WooRefunds.Key(line.Id));
        }).ToList();
    }

    /// <summary>The buyer by billing email (a guest's orders too), else a new customer; none for an order without a buyer.</summary>
    private async Task<long?> CustomerAsync(WooAddress billing, CancellationToken ct)
    {
        if (billing.IsEmpty)
            return null;
        var name = $"{billing.FirstName} {billing.LastName}".Trim() is { Length: > 0 } full ? full : billing.Company ?? billing.Email ?? "WooCommerce customer";
        var buyer = new StoreBuyer(name, billing.FirstName, billing.LastName, Blank(billing.Email), Blank(billing.Phone));
        return (await customers.MatchAsync(buyer, known: null, matchByName: false, ct)).Customer.Id;
    }

    private static List<SalesOrderAddress> Addresses(WooOrder order) =>
        new[] { ("billing", (WooAddress?)order.Billing), ("shipping", order.Shipping) }
            .Where(a => a.Item2 is { IsEmpty: false })
            .Select(a => new SalesOrderAddress(a.Item1, a.Item2!.FirstName, a.Item2.LastName, Blank(a.Item2.Company), Blank(a.Item2.Phone), a.Item2.Address1,
                Blank(a.Item2.Address2), a.Item2.City, Blank(a.Item2.State), a.Item2.Postcode, a.Item2.Country))
            .ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private async Task ForgetPushedAsync(WooStore store, IEnumerable<long?> variantIds, CancellationToken ct)
    {
        var variants = variantIds.OfType<long>().Distinct().ToList();
        await db.LinksOf(WooChannel.Store(store.Id)).Where(l => variants.Contains(l.VariantId))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.PushedQuantity, (int?)null), ct);
    }
}
