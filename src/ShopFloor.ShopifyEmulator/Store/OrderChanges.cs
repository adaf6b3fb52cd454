using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>Committing order edits and handling returns, with the stock and webhooks Shopify has for each.</summary>
public sealed class OrderChanges(WebhookDispatcher webhooks)
{
    public void CommitEdit(Shop shop, ShopOrderEdit edit, DateTime now)
    {
        var order = edit.Order;
        foreach (var (lineItemId, quantity) in edit.NewQuantities)
        {
            var item = order.LineItems.First(i => i.Id == lineItemId);
            if (quantity < order.FulfilledQuantity(item))
                throw new StoreException("quantity", $"{item.Title} has {order.FulfilledQuantity(item)} fulfilled; its quantity cannot go below that.");
            var delta = quantity - item.CurrentQuantity;
            item.CurrentQuantity = quantity;
            var fulfillmentOrder = order.FulfillmentOrders.First(f => f.LineItems.Any(l => l.LineItem == item));
            var line = fulfillmentOrder.LineItems.First(l => l.LineItem == item);
            line.TotalQuantity += delta;
            line.RemainingQuantity += delta;
            if (item.Variant is { } variant && (delta > 0 || edit.Restock.GetValueOrDefault(lineItemId, true)))
                Commit(shop, variant, fulfillmentOrder.Location, delta, now);
        }
        foreach (var (id, variant, quantity, location) in edit.Added)
        {
            var item = new ShopLineItem
            {
                Id = id, Variant = variant, Title = variant.Product.Title, Sku = variant.Sku, Quantity = quantity, CurrentQuantity = quantity, Price = variant.Price,
            };
            order.LineItems.Add(item);
            var at = location ?? order.FulfillmentOrders.FirstOrDefault(f => f.Status is "OPEN" or "IN_PROGRESS")?.Location ?? shop.Locations.First();
            var fulfillmentOrder = order.FulfillmentOrders.FirstOrDefault(f => f.Location == at && f.Status is "OPEN" or "IN_PROGRESS");
            if (fulfillmentOrder is null)
            {
                fulfillmentOrder = new ShopFulfillmentOrder { Id = shop.NextId(), Order = order, Location = at, CreatedAt = now, UpdatedAt = now };
                order.FulfillmentOrders.Add(fulfillmentOrder);
            }
            fulfillmentOrder.LineItems.Add(new ShopFulfillmentOrderLine { Id = shop.NextId(), LineItem = item, TotalQuantity = quantity, RemainingQuantity = quantity });
            Commit(shop, variant, at, quantity, now);
        }
        foreach (var fulfillmentOrder in order.FulfillmentOrders.Where(f => f.Status != "CANCELLED"))
            fulfillmentOrder.Status = fulfillmentOrder.LineItems.All(l => l.RemainingQuantity == 0) ? "CLOSED"
                : fulfillmentOrder.LineItems.Any(l => l.RemainingQuantity < l.TotalQuantity) ? "IN_PROGRESS" : "OPEN";
        order.UpdatedAt = now;
        shop.OrderEdits.Remove(edit);
        webhooks.Publish(shop, "orders/edited", new Dictionary<string, object?>
        {
            ["order_edit"] = new Dictionary<string, object?> { ["id"] = edit.Id, ["order_id"] = order.Id, ["committed_at"] = GraphQL.CatalogNodes.Time(now) },
        });
        webhooks.Publish(shop, "orders/updated", OrderPayloads.Order(shop, order));
    }

    public ShopRefund Refund(Shop shop, ShopOrder order, IReadOnlyList<(long LineItemId, int Quantity, string RestockType, ShopLocation? Location)> lines, string? note, DateTime now)
    {
        var refundLines = new List<ShopRefundLine>();
        foreach (var (lineItemId, quantity, restockType, location) in lines)
        {
            var item = order.LineItems.FirstOrDefault(i => i.Id == lineItemId) ?? throw new StoreException("refundLineItems.lineItemId", "Line item does not exist.");
            if (quantity <= 0 || quantity > item.Quantity - item.RefundedQuantity)
                throw new StoreException("refundLineItems.quantity", $"Quantity {quantity} is more than the {item.Quantity - item.RefundedQuantity} refundable.");
            var fulfillmentOrder = order.FulfillmentOrders.First(f => f.LineItems.Any(l => l.LineItem == item));
            var at = location ?? fulfillmentOrder.Location;
            if (restockType == "CANCEL")
            {
                var line = fulfillmentOrder.LineItems.First(l => l.LineItem == item);
                if (quantity > line.RemainingQuantity)
                    throw new StoreException("refundLineItems.quantity", "Only unfulfilled units can be cancelled.");
                (line.TotalQuantity, line.RemainingQuantity, item.CurrentQuantity) = (line.TotalQuantity - quantity, line.RemainingQuantity - quantity, item.CurrentQuantity - quantity);
                if (item.Variant is { } variant)
                    Commit(shop, variant, fulfillmentOrder.Location, -quantity, now);
            }
            else if (restockType == "RETURN" && item.Variant is { } returned && shop.Level(returned.InventoryItem.Id, at.Id) is { } level)
            {
                level.Available += quantity;
                level.UpdatedAt = now;
                webhooks.Publish(shop, "inventory_levels/update", GraphQL.InventoryMutations.InventoryLevelPayload(level));
            }
            item.RefundedQuantity += quantity;
            refundLines.Add(new ShopRefundLine(shop.NextId(), item, quantity, restockType, at));
        }
        var refund = new ShopRefund(shop.NextId(), note, now, refundLines);
        order.Refunds.Add(refund);
        order.FinancialStatus = order.LineItems.All(i => i.RefundedQuantity >= i.Quantity) ? "refunded" : "partially_refunded";
        order.UpdatedAt = now;
        webhooks.Publish(shop, "refunds/create", OrderPayloads.Refund(order, refund));
        webhooks.Publish(shop, "orders/updated", OrderPayloads.Order(shop, order));
        return refund;
    }

    public ShopReturn CreateReturn(Shop shop, ShopOrder order, IReadOnlyList<(long FulfillmentLineId, int Quantity, string? Reason, string? Note)> lines, DateTime now)
    {
        var created = new ShopReturn { Id = shop.NextId(), Order = order, CreatedAt = now };
        foreach (var (fulfillmentLineId, quantity, reason, note) in lines)
        {
            var fulfillmentLine = order.FulfillmentLine(fulfillmentLineId)
                ?? throw new StoreException("returnLineItems.fulfillmentLineItemId", "Fulfillment line item does not exist.");
            var alreadyReturned = shop.Returns.Where(r => r.Status != "CANCELED").SelectMany(r => r.Lines)
                .Where(l => l.FulfillmentLine == fulfillmentLine).Sum(l => l.Quantity);
            if (quantity <= 0 || quantity > fulfillmentLine.Quantity - alreadyReturned)
                throw new StoreException("returnLineItems.quantity", $"Quantity {quantity} is more than the {fulfillmentLine.Quantity - alreadyReturned} returnable.");
            created.Lines.Add(new ShopReturnLine { Id = shop.NextId(), FulfillmentLine = fulfillmentLine, Quantity = quantity, ReturnReason = reason ?? "UNKNOWN", ReturnReasonNote = note });
        }
        if (created.Lines.Count == 0)
            throw new StoreException("returnLineItems", "A return needs at least one line item.");
        shop.Returns.Add(created);
        order.UpdatedAt = now;
        webhooks.Publish(shop, "returns/approve", OrderPayloads.Return(created));
        return created;
    }

    /// <summary>Processes returned lines; restocked ones go back to Available at the disposition's location.</summary>
    public void ProcessReturn(Shop shop, ShopReturn processed, IReadOnlyList<(long LineId, int Quantity, ShopLocation? RestockAt)> lines, DateTime now)
    {
        foreach (var (lineId, quantity, restockAt) in lines)
        {
            var line = processed.Lines.FirstOrDefault(l => l.Id == lineId) ?? throw new StoreException("returnLineItems.id", "Return line item does not exist.");
            if (quantity <= 0 || quantity > line.Quantity - line.ProcessedQuantity)
                throw new StoreException("returnLineItems.quantity", $"Quantity {quantity} is more than the {line.Quantity - line.ProcessedQuantity} unprocessed.");
            line.ProcessedQuantity += quantity;
            line.Dispositions.Add((restockAt is null ? "NOT_RESTOCKED" : "RESTOCKED", quantity, restockAt));
            if (restockAt is not null && line.FulfillmentLine.LineItem.Variant is { } variant && shop.Level(variant.InventoryItem.Id, restockAt.Id) is { } level)
            {
                level.Available += quantity;
                level.UpdatedAt = now;
                webhooks.Publish(shop, "inventory_levels/update", GraphQL.InventoryMutations.InventoryLevelPayload(level));
            }
        }
        processed.Order.UpdatedAt = now; // the order's return status changed with it
        webhooks.Publish(shop, "returns/process", OrderPayloads.Return(processed));
        if (processed.Lines.All(l => l.ProcessedQuantity == l.Quantity))
            CloseReturn(shop, processed, now);
    }

    /// <summary>removeFromReturn: fewer units (or none) of unprocessed return lines come back; returns/update goes out.</summary>
    public void RemoveFromReturn(Shop shop, ShopReturn changed, IReadOnlyList<(long LineId, int Quantity)> lines, DateTime now)
    {
        if (changed.Status != "OPEN")
            throw new StoreException("returnId", "Only an open return can be changed.");
        foreach (var (lineId, quantity) in lines)
        {
            var line = changed.Lines.FirstOrDefault(l => l.Id == lineId) ?? throw new StoreException("returnLineItems.returnLineItemId", "Return line item does not exist.");
            if (quantity <= 0 || quantity > line.Quantity - line.ProcessedQuantity)
                throw new StoreException("returnLineItems.quantity", $"Quantity {quantity} is more than the {line.Quantity - line.ProcessedQuantity} unprocessed.");
            line.Quantity -= quantity;
        }
        changed.Lines.RemoveAll(l => l.Quantity == 0);
        changed.Order.UpdatedAt = now;
        webhooks.Publish(shop, "returns/update", OrderPayloads.Return(changed));
    }

    public void CloseReturn(Shop shop, ShopReturn closing, DateTime now)
    {
        closing.Status = "CLOSED";
        closing.ClosedAt = closing.Order.UpdatedAt = now;
        webhooks.Publish(shop, "returns/close", OrderPayloads.Return(closing));
    }

    private void Commit(Shop shop, ShopVariant variant, ShopLocation location, int quantity, DateTime now)
    {
        if (!variant.InventoryItem.Tracked || shop.Level(variant.InventoryItem.Id, location.Id) is not { } level)
            return;
        var moved = quantity >= 0 ? quantity : -Math.Min(level.Committed, -quantity);
        level.Available -= moved;
        level.Committed += moved;
        level.UpdatedAt = now;
        webhooks.Publish(shop, "inventory_levels/update", GraphQL.InventoryMutations.InventoryLevelPayload(level));
    }
}
