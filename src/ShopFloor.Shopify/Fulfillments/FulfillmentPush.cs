using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Fulfillments;

/// <summary>
/// R-SYNC-3, ShopFloor → Shopify: each delivered fulfillment of a store's order that Shopify has not got yet
/// fulfills the matching fulfillment-order lines (fulfillmentCreate, one call per Shopify location) with its
/// tracking, and is linked to the Shopify fulfillment, so the webhook that follows is recognised, not echoed.
/// Packing changes nothing in Shopify.
/// </summary>
public sealed class FulfillmentPush(ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, SyncLogWriter log)
{
    public async Task PushAsync(long salesOrderId, CancellationToken ct)
    {
        var order = await db.Set<SalesOrder>().Include(o => o.Rows).Include(o => o.Fulfillments).ThenInclude(f => f.Rows)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == salesOrderId, ct);
        if (order is not { StoreId: { } storeId, ShopifyOrderId: { } shopifyOrderId })
            return;
        var store = await db.Set<ShopifyStore>().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        if (store is not { SyncActive: true } || store.Settings.FulfillmentSync is not (FulfillmentSyncDirection.Both or FulfillmentSyncDirection.ShopFloorToShopify))
            return;
        var credentials = tokens.CredentialsOf(store);
        foreach (var fulfillment in order.Fulfillments.Where(f => f.Status == FulfillmentStatus.Delivered && f.StoreFulfillmentId is null).ToList())
        {
            var open = await OpenLinesAsync(credentials, shopifyOrderId, ct);
            var byLocation = Allocate(fulfillment, open);
            if (byLocation.Count == 0)
            {
                // Shopify has nothing open for these rows: it was fulfilled there already.
                fulfillment.StoreFulfillmentId = "none";
                await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Fulfillment, SyncOutcome.Skipped, $"{order.OrderNo}: nothing left to fulfill in Shopify", order.ShopifyOrderName, ct: ct);
                continue;
            }
            foreach (var lines in byLocation)
            {
                var input = new
                {
                    lineItemsByFulfillmentOrder = lines.GroupBy(l => l.FulfillmentOrderId).Select(g => new
                    {
                        fulfillmentOrderId = g.Key,
                        fulfillmentOrderLineItems = g.Select(l => new { id = l.LineId, quantity = l.Quantity }),
                    }),
                    trackingInfo = new { company = fulfillment.TrackingCarrier, number = fulfillment.TrackingNumber, url = fulfillment.TrackingUrl },
                    notifyCustomer = true,
                };
                var result = ShopifyJson.Read<FulfillmentCreatePayload>(
                    (await shopify.SendAsync(credentials, Operations.FulfillmentCreate, new { fulfillment = input }, ct)).GetProperty("fulfillmentCreate"));
                if (result.UserErrors.Count > 0)
                {
                    await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Fulfillment, SyncOutcome.NeedsAction,
                        $"{order.OrderNo}: Shopify refused the fulfillment: {result.UserErrors[0].Message}", order.ShopifyOrderName, ct: ct);
                    fulfillment.StoreFulfillmentId ??= "refused";
                    continue;
                }
                fulfillment.StoreFulfillmentId ??= result.Fulfillment?.Id;
            }
            await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Fulfillment, SyncOutcome.Ok, $"{order.OrderNo} delivered in ShopFloor; fulfilled in Shopify", order.ShopifyOrderName, ct: ct);
            await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record OpenLine(string FulfillmentOrderId, string LocationId, string LineId, string LineItemId, int Remaining);

    private sealed record Allocation(string FulfillmentOrderId, string LineId, int Quantity);

    private async Task<List<OpenLine>> OpenLinesAsync(ShopifyCredentials credentials, string orderId, CancellationToken ct)
    {
        var order = (await shopify.SendAsync(credentials, Operations.OrderFulfillmentOrders, new { id = orderId }, ct)).GetProperty("order");
        if (order.ValueKind != JsonValueKind.Object)
            return [];
        return ShopifyJson.Read<OpenFulfillmentOrders>(order).FulfillmentOrders.Nodes
            .Where(f => f.Status is "OPEN" or "IN_PROGRESS")
            .SelectMany(f => f.LineItems.Nodes.Select(l => new OpenLine(f.Id, f.AssignedLocation.Location.Id, l.Id, l.LineItem.Id, l.RemainingQuantity)))
            .Where(l => l.Remaining > 0).ToList();
    }

    /// <summary>The fulfillment's rows spread over open fulfillment-order lines, grouped by Shopify location.</summary>
    private static List<List<Allocation>> Allocate(SalesOrderFulfillment fulfillment, List<OpenLine> open)
    {
        var allocations = new List<(string Location, Allocation Line)>();
        foreach (var row in fulfillment.Rows.Where(r => r.Row.StoreLineItemId is not null))
        {
            var wanted = (int)row.Quantity;
            foreach (var line in open.Where(l => l.LineItemId == row.Row.StoreLineItemId && l.Remaining > 0))
            {
                var quantity = Math.Min(wanted, line.Remaining);
                if (quantity <= 0)
                    break;
                allocations.Add((line.LocationId, new Allocation(line.FulfillmentOrderId, line.LineId, quantity)));
                wanted -= quantity;
            }
        }
        return allocations.GroupBy(a => a.Location).Select(g => g.Select(a => a.Line).ToList()).ToList();
    }
}
