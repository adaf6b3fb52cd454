using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Orders;

namespace ShopFloor.Shopify.Returns;

/// <summary>
/// R-SYNC-5, when the store's returns setting is on. A returns/* webhook only names the return: ShopFloor reads it
/// from Shopify (<c>return(id:)</c>) and acts on that. An approved return becomes a return order of the matching
/// sales order (lines, quantities, reasons); once Shopify has processed it, the return order follows Shopify's
/// dispositions — only restocked units go back in stock, at the location they were restocked at — and is marked
/// returned.
/// </summary>
public sealed class ReturnSync(ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, OrderSync orders, OrderRows orderRows,
    SalesReturns salesReturns, SyncLogWriter log)
{
    public async Task<OrderSyncResult> ApplyAsync(ShopifyStore store, string returnId, CancellationToken ct)
    {
        if (!store.Settings.CreateReturns)
            return new(false, "returns are not synced for this store");
        var answer = (await shopify.SendAsync(tokens.CredentialsOf(store), Operations.Return, new { id = returnId }, ct)).GetProperty("return");
        if (answer.ValueKind != JsonValueKind.Object)
            return new(false, $"{returnId} no longer exists in Shopify");
        var node = ShopifyJson.Read<ReturnNode>(answer);
        var orderId = node.Order.Id;
        await orders.RefreshAsync(store, orderId, null, ct); // the order's own state first (its fulfillments, a refund)
        var salesOrderId = await db.Set<SalesOrder>().Where(o => o.StoreId == store.Id && o.ShopifyOrderId == orderId).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        if (salesOrderId is null)
            return new(false, "the return's order is not a ShopFloor sales order");
        // Scoped by the order: Shopify ids are unique per store, not across the stores ShopFloor serves.
        var existing = await db.Set<SalesReturn>().AsNoTracking().FirstOrDefaultAsync(r => r.StoreReturnId == returnId && r.SalesOrderId == salesOrderId, ct);
        var name = node.Name ?? returnId;
        var rows = await db.Set<SalesOrderRow>().Where(r => r.SalesOrderId == salesOrderId && r.StoreLineItemId != null)
            .ToDictionaryAsync(r => r.StoreLineItemId!, ct);

        var isNew = existing is null;
        existing ??= await CreateAsync(store, salesOrderId.Value, returnId, name, node, rows, ct);
        if (existing is null)
            return new(false, $"return {name} has no lines ShopFloor can return");
        var dispositions = Dispositions(node).ToList();
        if (!isNew && dispositions.Count == 0 && existing.Status != SalesReturnStatus.Returned)
            return await ReviseAsync(store, existing, name, node, rows, ct);
        if (dispositions.Count == 0 || existing.Status == SalesReturnStatus.Returned)
            return new(true, $"return {name} is {existing.ReturnNo}");

        var restocked = dispositions.Where(d => d.Type == "RESTOCKED" && rows.ContainsKey(d.LineItemId))
            .GroupBy(d => rows[d.LineItemId].Id).ToDictionary(g => g.Key, g => (decimal)g.Sum(d => d.Quantity));
        var locations = await orderRows.LocationMapAsync(store.Id, ct);
        var restockAt = dispositions.Where(d => d.Type == "RESTOCKED" && d.LocationId is not null)
            .Select(d => locations.TryGetValue(d.LocationId!, out var mapped) ? mapped : (long?)null).FirstOrDefault(l => l is not null);
        var processed = await salesReturns.ProcessAsync(existing.Id, restocked, restockAt, ct);
        await log.InAsync(ShopifyChannel.Store(store.Id), SyncSubject.Return, SyncOutcome.Ok,
            $"return {name} processed in Shopify; {processed.ReturnNo} marked returned, {restocked.Values.Sum():0.##} restocked", name, ct: ct);
        await db.SaveChangesAsync(ct);
        return new(true, $"return {name} marked returned");
    }

    /// <summary>A return changed in Shopify before it was processed: the return order's rows follow its lines and quantities.</summary>
    private async Task<OrderSyncResult> ReviseAsync(ShopifyStore store, SalesReturn existing, string name, ReturnNode node,
        Dictionary<string, SalesOrderRow> rows, CancellationToken ct)
    {
        var lines = Lines(node, rows).GroupBy(l => l.Row.Id).ToDictionary(g => g.Key, g => (g.Sum(l => l.Quantity), g.First().Reason));
        var current = existing.Rows.GroupBy(r => r.SalesOrderRowId).ToDictionary(g => g.Key, g => (g.Sum(r => r.Quantity), g.First().Reason));
        if (lines.Count == current.Count && lines.All(l => current.TryGetValue(l.Key, out var c) && c == l.Value))
            return new(true, $"return {name} is {existing.ReturnNo}, unchanged");
        var revised = await salesReturns.ReviseAsync(existing.Id, lines, ct);
        await log.InAsync(ShopifyChannel.Store(store.Id), SyncSubject.Return, SyncOutcome.Ok,
            $"return {name} changed in Shopify; {revised.ReturnNo} now takes back {revised.Rows.Sum(r => r.Quantity):0.##}", name, ct: ct);
        await db.SaveChangesAsync(ct);
        return new(true, $"return {name} revised");
    }

    private static IEnumerable<(SalesOrderRow Row, decimal Quantity, string? Reason)> Lines(ReturnNode node, Dictionary<string, SalesOrderRow> rows) =>
        node.ReturnLineItems.Nodes
            .Where(l => l.FulfillmentLineItem is not null)
            .Select(l => (Line: l.FulfillmentLineItem!.LineItem.Id, Item: l))
            .Where(x => rows.ContainsKey(x.Line) && rows[x.Line].TracksStock)
            .Select(x => (rows[x.Line], x.Item.Quantity, x.Item.ReturnReason?.ToLowerInvariant()));

    private sealed record Disposition(string LineItemId, string Type, int Quantity, string? LocationId);

    private static IEnumerable<Disposition> Dispositions(ReturnNode node) =>
        from order in node.ReverseFulfillmentOrders.Nodes
        from line in order.LineItems.Nodes
        where line.FulfillmentLineItem is not null
        from disposition in line.Dispositions
        select new Disposition(line.FulfillmentLineItem!.LineItem.Id, disposition.Type, disposition.Quantity, disposition.Location?.Id);

    private async Task<SalesReturn?> CreateAsync(ShopifyStore store, long salesOrderId, string returnId, string name, ReturnNode node,
        Dictionary<string, SalesOrderRow> rows, CancellationToken ct)
    {
        var inputs = Lines(node, rows).Select(l => new ReturnRowInput(l.Row.Id, l.Quantity, Restock: true, l.Reason)).ToList();
        if (inputs.Count == 0)
            return null;
        try
        {
            var created = await salesReturns.CreateAsync(new CreateSalesReturn(null, salesOrderId, null, $"Shopify return {name}", inputs), ct);
            created.StoreReturnId = returnId;
            db.Update(created);
            await log.InAsync(ShopifyChannel.Store(store.Id), SyncSubject.Return, SyncOutcome.Ok, $"return {name} created as {created.ReturnNo}", name, ct: ct);
            await db.SaveChangesAsync(ct);
            return created;
        }
        catch (ValidationFailedException e)
        {
            throw new SyncNeedsActionException($"Return {name} could not be created: {string.Join("; ", e.Errors.Select(x => $"{x.Key} {string.Join(", ", x.Value)}"))}");
        }
    }
}
