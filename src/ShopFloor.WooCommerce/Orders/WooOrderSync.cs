using System.Net;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;

namespace ShopFloor.WooCommerce.Orders;

public sealed record WooSyncResult(bool Applied, string Outcome);

/// <summary>
/// A WooCommerce order, read from the store (never taken from a webhook body), applied to its sales order:
/// imported once WooCommerce has taken its stock (processing, on-hold, completed), delivered when completed — a
/// shipping app such as ShipStation marks it so, with its tracking — and cancelled when cancelled, refunded or failed.
/// </summary>
public sealed class WooOrderSync(ShopFloorDbContext db, WooClient woo, WooKeys keys, SalesOrders salesOrders, StoreCustomers customers)
{
    private static readonly string[] StockTaken = ["processing", "on-hold", "completed"];
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
            return new(false, $"order {wooOrderId} no longer exists in the store");
        }
        return await ApplyAsync(store, order, ct);
    }

    public async Task<WooSyncResult> ApplyAsync(WooStore store, WooOrder order, CancellationToken ct)
    {
        var link = await db.Set<WooOrderLink>().AsNoTracking().FirstOrDefaultAsync(l => l.StoreId == store.Id && l.WooOrderId == order.Id, ct);
        if (link is null)
            return await ImportAsync(store, order, ct);
        if (link.SalesOrderId is not { } salesOrderId)
            return new(false, $"#{order.Number} was deleted in ShopFloor and is not imported again");
        if (order.ModifiedAt < link.AppliedVersion)
            return new(false, "stale: a newer version of the order is already applied");
        var outcome = await FollowAsync(order, salesOrderId, ct);
        await db.Set<WooOrderLink>().Where(l => l.Id == link.Id && l.AppliedVersion < order.ModifiedAt)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.AppliedVersion, order.ModifiedAt), ct);
        return outcome;
    }

    private async Task<WooSyncResult> ImportAsync(WooStore store, WooOrder order, CancellationToken ct)
    {
        if (!StockTaken.Contains(order.Status))
            return new(false, $"#{order.Number} is not imported while {order.Status}: WooCommerce has not taken its stock");
        try
        {
            return await db.InTransactionAsync(async token =>
            {
                var rows = await RowsAsync(store, order, token);
                var created = await salesOrders.CreateAsync(new CreateSalesOrder(
                    OrderNo: $"#{order.Number}", LocationId: store.LocationId, CustomerId: await CustomerAsync(order.Billing, token), CommitsStock: true,
                    IsQuote: false, Currency: order.Currency, AdditionalInfo: string.IsNullOrWhiteSpace(order.CustomerNote) ? null : order.CustomerNote,
                    Rows: rows, Addresses: Addresses(order), Channel: WooChannel.Name), token);
                db.Add(new WooOrderLink(store.Id, order.Id, created.Id, order.ModifiedAt));
                await db.SaveChangesAsync(token);
                // WooCommerce moved its own stock for the order: what ShopFloor last sent there is no longer sure.
                await ForgetPushedAsync(store, rows, token);
                if (order.Status == "completed")
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
            return await ApplyAsync(store, order, ct);
        }
    }

    private async Task<WooSyncResult> FollowAsync(WooOrder order, long salesOrderId, CancellationToken ct)
    {
        var current = await salesOrders.LoadAsync(salesOrderId, ct);
        if (Undone.Contains(order.Status) && !current.IsCancelled && current.IsOpen)
        {
            await salesOrders.EditAsync(salesOrderId, new SalesOrderEdit { Cancel = true }, ct);
            return new(true, $"#{order.Number}: {order.Status} in the store, cancelled");
        }
        if (order.Status == "completed" && current.IsOpen && !current.IsCancelled)
        {
            await DeliverAsync(order, salesOrderId, ct);
            return new(true, $"#{order.Number}: completed in the store, delivered");
        }
        return new(false, $"#{order.Number}: nothing to change");
    }

    /// <summary>Completed in WooCommerce: every row still open ships, with the tracking a shipping app left on the order.</summary>
    private async Task DeliverAsync(WooOrder order, long salesOrderId, CancellationToken ct)
    {
        var current = await salesOrders.LoadAsync(salesOrderId, ct);
        var tracking = order.Tracking.Count > 0 ? order.Tracking[0] : null;
        await salesOrders.DeliverShippedAsync(salesOrderId, current.Rows.Select(r => (r.Id, r.Quantity)).ToList(),
            new ShipmentInfo($"woo-order-{order.Id}", tracking?.TrackingNumber, tracking?.TrackingLink, tracking?.TrackingProvider), ct);
    }

    /// <summary>Each line as a row: the linked variant (by product and variation, else by SKU), or a custom row naming what ShopFloor does not know.</summary>
    private async Task<List<SalesRowInput>> RowsAsync(WooStore store, WooOrder order, CancellationToken ct)
    {
        var links = await db.Set<WooProductLink>().AsNoTracking().Where(l => l.StoreId == store.Id).ToListAsync(ct);
        var skus = order.LineItems.Select(l => l.Sku).OfType<string>().Where(s => s.Length > 0).ToList();
        var bySku = (await db.Variants.Where(v => v.Sku != null && skus.Contains(v.Sku)).Select(v => new { v.Id, v.Sku }).ToListAsync(ct))
            .GroupBy(v => v.Sku!).ToDictionary(g => g.Key, g => g.Max(v => v.Id));
        return order.LineItems.Select(line =>
        {
            var variantId = links.FirstOrDefault(l => l.WooProductId == line.ProductId && (l.WooVariationId ?? 0) == line.VariationId)?.VariantId
                            ?? (line.Sku is { Length: > 0 } sku && bySku.TryGetValue(sku, out var id) ? id : null);
            return variantId is null
                ? new SalesRowInput(null, line.Quantity, line.Price, null, $"{line.Name} ({line.Sku}): not in ShopFloor", store.LocationId, SalesRowKind.Custom)
                : new SalesRowInput(variantId, line.Quantity, line.Price, null, null, store.LocationId);
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

    private async Task ForgetPushedAsync(WooStore store, List<SalesRowInput> rows, CancellationToken ct)
    {
        var variants = rows.Select(r => r.VariantId).OfType<long>().Distinct().ToList();
        await db.Set<WooProductLink>().Where(l => l.StoreId == store.Id && variants.Contains(l.VariantId))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.PushedQuantity, (int?)null), ct);
    }
}
