using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Orders;
using ShopFloor.Shopify.SyncLog;

namespace ShopFloor.Shopify.Returns;

/// <summary>
/// R-SYNC-5, when the store's returns setting is on: an approved Shopify return becomes a return order of the
/// matching sales order (lines, quantities, reasons); when Shopify processes it, the return is marked Returned,
/// which puts the restocked lines back in stock at the return location.
/// </summary>
public sealed class ReturnSync(ShopFloorDbContext db, SalesReturns salesReturns, SyncLogWriter log)
{
    public async Task<OrderSyncResult> ApplyAsync(ShopifyStore store, string topic, JsonElement payload, CancellationToken ct)
    {
        if (!store.Settings.CreateReturns)
            return new(false, "returns are not synced for this store");
        var returnId = $"gid://shopify/Return/{payload.GetProperty("id").GetRawText().Trim('"').Split('/')[^1]}";
        var orderId = $"gid://shopify/Order/{payload.GetProperty("order_id").GetRawText().Trim('"').Split('/')[^1]}";
        var salesOrderId = await db.Set<OrderLink>().Where(l => l.StoreId == store.Id && l.ShopifyOrderId == orderId).Select(l => l.SalesOrderId).FirstOrDefaultAsync(ct);
        if (salesOrderId is null)
            return new(false, "the return's order is not a ShopFloor sales order");
        // Scoped by the order: Shopify ids are unique per store, not across the stores ShopFloor serves.
        var existing = await db.Set<SalesReturn>().FirstOrDefaultAsync(r => r.ShopifyReturnId == returnId && r.SalesOrderId == salesOrderId, ct);
        var name = payload.TryGetProperty("name", out var n) ? n.GetString() : returnId;

        existing ??= await CreateAsync(store, salesOrderId.Value, returnId, name, payload, ct);
        if (existing is null)
            return new(false, $"return {name} has no lines ShopFloor can return");
        if (topic == "returns/process" && existing.Status != SalesReturnStatus.Returned)
        {
            await salesReturns.SetStatusAsync(existing.Id, SalesReturnStatus.Returned, ct);
            log.In(store.Id, "return", SyncOutcome.Ok, $"return {name} processed in Shopify; {existing.ReturnNo} marked returned", name);
            await db.SaveChangesAsync(ct);
            return new(true, $"return {name} marked returned");
        }
        return new(true, $"return {name} is {existing.ReturnNo}");
    }

    private async Task<SalesReturn?> CreateAsync(ShopifyStore store, long salesOrderId, string returnId, string? name, JsonElement payload, CancellationToken ct)
    {
        var rows = await db.Set<SalesOrderRow>().Where(r => r.SalesOrderId == salesOrderId && r.ShopifyLineItemId != null)
            .ToDictionaryAsync(r => r.ShopifyLineItemId!, ct);
        var inputs = payload.GetProperty("return_line_items").EnumerateArray()
            .Select(l => (Line: $"gid://shopify/LineItem/{l.GetProperty("line_item_id").GetRawText().Trim('"').Split('/')[^1]}", Item: l))
            .Where(x => rows.ContainsKey(x.Line) && rows[x.Line].TracksStock)
            .Select(x => new ReturnRowInput(rows[x.Line].Id, x.Item.GetProperty("quantity").GetDecimal(), Restock: true,
                x.Item.TryGetProperty("return_reason", out var reason) ? reason.GetString() : null))
            .ToList();
        if (inputs.Count == 0)
            return null;
        try
        {
            var created = await salesReturns.CreateAsync(new CreateSalesReturn(null, salesOrderId, null, $"Shopify return {name}", inputs), ct);
            created.ShopifyReturnId = returnId;
            db.Update(created);
            log.In(store.Id, "return", SyncOutcome.Ok, $"return {name} created as {created.ReturnNo}", name);
            await db.SaveChangesAsync(ct);
            return created;
        }
        catch (ValidationFailedException e)
        {
            throw new SyncNeedsActionException($"Return {name} could not be created: {string.Join("; ", e.Errors.Select(x => $"{x.Key} {string.Join(", ", x.Value)}"))}");
        }
    }
}
