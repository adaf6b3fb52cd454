using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;
using ShopFloor.Shopify.Stock;

namespace ShopFloor.Shopify.Orders;

public sealed record OrderSyncResult(bool Applied, string Outcome);

/// <summary>
/// What ShopFloor holds of a Shopify order: its sales order and the version applied to it, or the mark that the
/// merchant deleted that sales order (never imported again). Null when ShopFloor has not imported it.
/// </summary>
public sealed record KnownOrder(long? SalesOrderId, DateTime AppliedVersion, bool Deleted);

/// <summary>
/// R-SYNC-1..3: brings one Shopify order into ShopFloor. Whatever told us (a webhook, repeated or late, or the
/// catch-up query), the order is read from Shopify and applied only when it is newer than the version applied
/// last, so deliveries may come in any order and any number of times.
/// </summary>
public sealed class OrderSync(
    ShopFloorDbContext db, OrderReader reader, TokenVault tokens, SalesOrders salesOrders, OrderRows rows,
    ShopifyCustomers customers, SyncLogWriter log)
{
    public async Task<OrderSyncResult> RefreshAsync(ShopifyStore store, string orderId, DateTime? updatedAtHint, CancellationToken ct)
    {
        var known = await KnownAsync(store.Id, orderId, ct);
        // Shopify's updated_at has whole seconds: only a strictly older delivery is known to be stale.
        if (known is not null && updatedAtHint is { } hint && hint < known.AppliedVersion)
            return new(false, "stale: a newer version of the order is already applied");
        if (await reader.ReadAsync(tokens.CredentialsOf(store), orderId, ct) is not { } order)
            return new(false, "the order no longer exists in Shopify");
        // An order unknown before the read is imported without asking again (a worker that imported it meanwhile is
        // caught by the unique key); a known one is looked up again, as another worker may have applied a newer version.
        return known is null
            ? await ApplyAsync(store, ShopifyOrder.Parse(order), known, ct)
            : await ApplyAsync(store, ShopifyOrder.Parse(order), ct);
    }

    public async Task<OrderSyncResult> ApplyAsync(ShopifyStore store, ShopifyOrder order, CancellationToken ct) =>
        await ApplyAsync(store, order, await KnownAsync(store.Id, order.Id, ct), ct);

    private async Task<OrderSyncResult> ApplyAsync(ShopifyStore store, ShopifyOrder order, KnownOrder? known, CancellationToken ct)
    {
        if (known is null)
            return await ImportAsync(store, order, ct);
        await ForgetShopifyLevelsAsync(store.Id, order, ct);
        if (known.Deleted || known.SalesOrderId is not { } salesOrderId)
            return new(false, $"{order.Name} was deleted in ShopFloor and is not imported again");
        if (order.UpdatedAt < known.AppliedVersion)
            return new(false, "stale: a newer version of the order is already applied");

        var outcome = await UpdateAsync(store, order, salesOrderId, ct);
        await RememberAsync(store.Id, order, ct);
        return outcome;
    }

    public async Task<KnownOrder?> KnownAsync(long storeId, string orderId, CancellationToken ct)
    {
        if (await db.Set<SalesOrder>().Where(o => o.StoreId == storeId && o.ShopifyOrderId == orderId)
                .Select(o => new { o.Id, o.ShopifyUpdatedAt }).FirstOrDefaultAsync(ct) is { } sale)
            return new KnownOrder(sale.Id, sale.ShopifyUpdatedAt ?? DateTime.MinValue, Deleted: false);
        return await db.Set<DeletedShopifyOrder>().AnyAsync(d => d.StoreId == storeId && d.ShopifyOrderId == orderId, ct)
            ? new KnownOrder(null, DateTime.MinValue, Deleted: true)
            : null;
    }

    /// <summary>
    /// The sales order (with the version of the Shopify order it holds), the customer, products and SKU mappings it creates, its log
    /// line and any shipment it arrived with commit together, or none of them do (the delivery is then retried).
    /// </summary>
    private async Task<OrderSyncResult> ImportAsync(ShopifyStore store, ShopifyOrder order, CancellationToken ct)
    {
        if (ShopifyImportRules.WhyNot(order, store, await InitialStockAtAsync(store.Id, ct)) is { } reason)
        {
            await ForgetShopifyLevelsAsync(store.Id, order, ct);
            return new(false, $"{order.Name} is not imported: {reason}");
        }
        try
        {
            // One write for the import and the levels it makes unsure: on SQLite each write waits for the one writer.
            return await db.InTransactionAsync(async token =>
            {
                await ForgetShopifyLevelsAsync(store.Id, order, token);
                return await ImportInTransactionAsync(store, order, token);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Another worker (a webhook and the catch-up, or another instance) imported it first: follow that one.
            db.ChangeTracker.Clear();
            if (await KnownAsync(store.Id, order.Id, ct) is null)
                throw;
            return await ApplyAsync(store, order, ct);
        }
    }

    private async Task<OrderSyncResult> ImportInTransactionAsync(ShopifyStore store, ShopifyOrder order, CancellationToken ct)
    {
        var locations = await rows.LocationMapAsync(store.Id, ct);
        var location = OrderRows.OrderLocation(order, locations)
            ?? throw new SyncNeedsActionException("No Shopify location of the store is mapped to a ShopFloor location.");
        long? customerId = null;
        if (order.Customer is { } c)
            customerId = (await customers.MatchAsync(store.Id, new ShopifyCustomerData(c.Id, c.FirstName, c.LastName, c.Email ?? order.Email, c.Phone),
                matchByName: true, ct)).Customer.Id;
        var salesRows = await rows.ForLinesAsync(store, order, order.LineItems, locations, ct);
        if (OrderRows.ShippingRow(store, order) is { } shipping)
            salesRows.Add(shipping);

        var created = await salesOrders.CreateAsync(new CreateSalesOrder(
            OrderNo: order.Name, LocationId: location, CustomerId: customerId, CommitsStock: true, IsQuote: false, Currency: order.Currency,
            AdditionalInfo: order.Note, Rows: salesRows, Shopify: new ShopifySource(store.Id, order.Id, order.Name, order.UpdatedAt),
            Addresses: OrderRows.Addresses(order), Tags: order.Tags), ct);
        db.ChangeTracker.Clear();
        await log.InAsync(ShopifyChannel.Store(store.Id), SyncSubject.Order, SyncOutcome.Ok, $"{order.Name} imported as sales order {created.OrderNo} with {salesRows.Count} rows", order.Name, ct: ct);

        // An order can arrive already shipped, in part or whole (POS, fulfilled at checkout, shipped while paused):
        // those goods have left the shelf, whatever the fulfillment setting says about following later shipments.
        if (order.Fulfillments.Count > 0)
            await FulfillmentsAsync(store, order, created.Id, ct, shippedBeforeImport: true);
        return new(true, $"{order.Name} imported");
    }

    private Task<DateTime?> InitialStockAtAsync(long storeId, CancellationToken ct) =>
        db.Set<ImportJob>().Where(j => j.Channel == ShopifyChannel.Name && j.StoreId == storeId && j.Type == ImportType.InitialStock && j.Status == ImportStatus.Succeeded)
            .OrderBy(j => j.Id).Select(j => (DateTime?)j.StartedAt).FirstOrDefaultAsync(ct);

    private async Task<OrderSyncResult> UpdateAsync(ShopifyStore store, ShopifyOrder order, long salesOrderId, CancellationToken ct)
    {
        var settings = store.Settings;
        // Shipments first: Shopify archives an order as it ships, and the archive must not deliver it a second time.
        var changes = await FulfillmentsAsync(store, order, salesOrderId, ct);
        if (settings.UpdateOrdersOnEdits)
        {
            var current = await salesOrders.LoadAsync(salesOrderId, ct);
            var edit = await EditFor(store, order, current, ct);
            if (!edit.IsEmpty)
            {
                try
                {
                    await salesOrders.EditAsync(salesOrderId, edit, ct);
                    changes.Add(Describe(edit));
                }
                catch (Core.Common.DomainException e)
                {
                    await log.InAsync(ShopifyChannel.Store(store.Id), SyncSubject.Order, SyncOutcome.NeedsAction, $"{order.Name} changed in Shopify but ShopFloor could not follow: {e.Message}", order.Name, ct: ct);
                }
            }
        }
        db.ChangeTracker.Clear();
        if (await DetailsAsync(order, salesOrderId, ct) is { } details)
            changes.Add(details);
        if (changes.Count > 0)
            await log.InAsync(ShopifyChannel.Store(store.Id), SyncSubject.Order, SyncOutcome.Ok, $"{order.Name}: {string.Join("; ", changes)}", order.Name, ct: ct);
        await db.SaveChangesAsync(ct);
        return new(changes.Count > 0, changes.Count > 0 ? string.Join("; ", changes) : $"{order.Name}: nothing to change");
    }

    /// <summary>The note, tags and addresses follow Shopify's; saved with the caller's save.</summary>
    private async Task<string?> DetailsAsync(ShopifyOrder order, long salesOrderId, CancellationToken ct)
    {
        var current = await db.Set<SalesOrder>().FirstAsync(o => o.Id == salesOrderId, ct);
        var (addresses, tags) = (OrderRows.Addresses(order), (order.Tags ?? []).ToList());
        if (current.AdditionalInfo == order.Note && current.Tags.SequenceEqual(tags) && current.Addresses.SequenceEqual(addresses))
            return null;
        (current.AdditionalInfo, current.Tags, current.Addresses) = (order.Note, tags, addresses);
        return "note, tags and addresses updated";
    }

    /// <summary>R-SYNC-2: what an edit, cancellation or archiving in Shopify changes on the sales order.</summary>
    private async Task<SalesOrderEdit> EditFor(ShopifyStore store, ShopifyOrder order, SalesOrder current, CancellationToken ct)
    {
        if (order.Cancelled)
            return new SalesOrderEdit { Cancel = !current.IsCancelled };
        if (!current.IsOpen)
            return new SalesOrderEdit();
        var lines = order.LineItems.ToDictionary(l => l.Id);
        var removed = new List<long>();
        var recounted = new List<(long, decimal)>();
        foreach (var row in current.Rows.Where(r => r.StoreLineItemId is not null))
        {
            var quantity = lines.TryGetValue(row.StoreLineItemId!, out var line) ? line.CurrentQuantity : 0;
            if (quantity <= 0)
                removed.Add(row.Id);
            else if (quantity != row.Quantity)
                recounted.Add((row.Id, quantity));
        }
        var known = current.Rows.Select(r => r.StoreLineItemId).OfType<string>().ToHashSet();
        var locations = await rows.LocationMapAsync(store.Id, ct);
        var added = await rows.ForLinesAsync(store, order, order.LineItems.Where(l => !known.Contains(l.Id)), locations, ct);
        long? moveTo = null;
        if (store.Settings.FollowFulfillmentLocation && current.Fulfillments.Count == 0
            && OrderRows.OrderLocation(order, locations) is { } location && location != current.LocationId)
            moveTo = location;
        var markDelivered = order.Closed && store.Settings.FulfillmentSync is FulfillmentSyncDirection.Both or FulfillmentSyncDirection.ShopifyToShopFloor;
        return new SalesOrderEdit { AddedRows = added, QuantityChanges = recounted, RemovedRowIds = removed, MoveTo = moveTo, MarkDelivered = markDelivered };
    }

    /// <summary>
    /// R-SYNC-3, Shopify → ShopFloor: each Shopify fulfillment ShopFloor does not know delivers its rows. One that
    /// ShopFloor sent itself is recognised (same rows and quantities, not yet linked) and linked, never delivered twice.
    /// </summary>
    private async Task<List<string>> FulfillmentsAsync(ShopifyStore store, ShopifyOrder order, long salesOrderId, CancellationToken ct,
        bool shippedBeforeImport = false)
    {
        var done = new List<string>();
        if (!shippedBeforeImport && store.Settings.FulfillmentSync is not (FulfillmentSyncDirection.Both or FulfillmentSyncDirection.ShopifyToShopFloor))
            return done;
        foreach (var fulfillment in order.Fulfillments)
        {
            var current = await salesOrders.LoadAsync(salesOrderId, ct);
            if (current.Fulfillments.Any(f => f.StoreFulfillmentId == fulfillment.Id))
                continue;
            var rowsByLine = current.Rows.Where(r => r.StoreLineItemId is not null).ToDictionary(r => r.StoreLineItemId!);
            var lines = fulfillment.Lines.Where(l => rowsByLine.ContainsKey(l.LineItemId))
                .Select(l => (RowId: rowsByLine[l.LineItemId].Id, Quantity: (decimal)l.Quantity)).ToList();
            if (Sent(current, lines) is { } sent)
            {
                sent.StoreFulfillmentId = fulfillment.Id;
                await db.SaveChangesAsync(ct);
                continue;
            }
            var before = current.Status;
            var after = await salesOrders.DeliverShippedAsync(salesOrderId, lines,
                new ShipmentInfo(fulfillment.Id, fulfillment.Number, fulfillment.Url, fulfillment.Company), ct);
            if (after.Status != before)
                done.Add($"fulfilled in Shopify, now {after.Status}");
        }
        return done;
    }

    private static SalesOrderFulfillment? Sent(SalesOrder order, List<(long RowId, decimal Quantity)> lines) =>
        order.Fulfillments.FirstOrDefault(f => f.Status == FulfillmentStatus.Delivered && f.StoreFulfillmentId is null
            && f.Rows.Select(r => (r.SalesOrderRowId, r.Quantity)).OrderBy(x => x).SequenceEqual(lines.OrderBy(x => x)));

    /// <summary>
    /// Shopify moves Available itself when orders are placed, edited, cancelled or restocked, so what ShopFloor
    /// last knew of the order's items is no longer sure: the next stock push sends them without relying on it.
    /// </summary>
    private async Task ForgetShopifyLevelsAsync(long storeId, ShopifyOrder order, CancellationToken ct)
    {
        var items = order.LineItems.Select(l => l.InventoryItemId).OfType<string>().Distinct().ToList();
        if (items.Count > 0)
            await db.Set<PushedLevel>().Where(p => p.StoreId == storeId && items.Contains(p.InventoryItemId)).ExecuteDeleteAsync(ct);
    }

    private async Task RememberAsync(long storeId, ShopifyOrder order, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await db.Set<SalesOrder>().Where(o => o.StoreId == storeId && o.ShopifyOrderId == order.Id
                                             && (o.ShopifyUpdatedAt == null || o.ShopifyUpdatedAt < order.UpdatedAt))
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.ShopifyUpdatedAt, order.UpdatedAt), ct);
    }

    private static string Describe(SalesOrderEdit edit) => string.Join(", ", new[]
    {
        edit.Cancel ? "cancelled" : null,
        edit.MarkDelivered ? "archived in Shopify, marked delivered" : null,
        edit.AddedRows.Count > 0 ? $"{edit.AddedRows.Count} rows added" : null,
        edit.RemovedRowIds.Count > 0 ? $"{edit.RemovedRowIds.Count} rows removed" : null,
        edit.QuantityChanges.Count > 0 ? $"{edit.QuantityChanges.Count} quantities changed" : null,
        edit.MoveTo is not null ? "moved to the fulfillment location" : null,
    }.OfType<string>());
}
