using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>
/// A line of a new order; <paramref name="TaxRate"/> one tax as a fraction (0.2 is 20 %), or <paramref name="Taxes"/>
/// several (state and county, say); <paramref name="Properties"/> its personalisation.
/// </summary>
public sealed record LineDraft(ShopVariant? Variant, string? Title, string? Sku, int Quantity, decimal? Price,
    decimal? TaxRate = null, IReadOnlyList<(string Key, string Value)>? Properties = null, IReadOnlyList<(string Title, decimal Rate)>? Taxes = null)
{
    public IReadOnlyList<(string Title, decimal Rate)> AllTaxes => Taxes ?? (TaxRate is { } rate ? [("Tax", rate)] : []);
}

/// <summary>A discount code, as orderCreate's discountCode takes it: a percentage or a fixed amount off the items, or free shipping.</summary>
public sealed record DiscountDraft(string Code, decimal? Percentage = null, decimal? Amount = null, bool FreeShipping = false);

public sealed record OrderDraft(
    IReadOnlyList<LineDraft> Lines, string FinancialStatus = "paid", string? Email = null, ShopCustomer? Customer = null,
    IReadOnlyList<(string Title, decimal Price)>? Shipping = null, string? Note = null, ShopLocation? Location = null,
    bool TaxesIncluded = false, DiscountDraft? Discount = null, decimal? ShippingTaxRate = null, IReadOnlyList<string>? Tags = null,
    ShopAddress? ShippingAddress = null, ShopAddress? BillingAddress = null);

/// <summary>
/// What happens in a store when orders are placed, shipped, cancelled or archived: fulfillment orders per
/// location, committed stock, and the webhooks Shopify sends for each step.
/// </summary>
public sealed class OrderBook(WebhookDispatcher webhooks)
{
    /// <summary>Places an order; with <paramref name="commitStock"/>, as the storefront does, it leaves Available for Committed.</summary>
    public ShopOrder Place(Shop shop, OrderDraft draft, bool commitStock, DateTime now)
    {
        if (draft.Lines.Count == 0)
            throw new StoreException("lineItems", "An order needs at least one line item.");
        var order = new ShopOrder
        {
            Id = shop.NextId(), Number = shop.NextOrderNumber++, Email = draft.Email ?? draft.Customer?.Email, Note = draft.Note,
            Customer = draft.Customer, FinancialStatus = draft.FinancialStatus, Currency = shop.Currency, TaxesIncluded = draft.TaxesIncluded,
            CreatedAt = now, UpdatedAt = now, ShippingAddress = draft.ShippingAddress, BillingAddress = draft.BillingAddress, DiscountCode = draft.Discount?.Code,
        };
        order.Tags.AddRange(draft.Tags ?? []);
        foreach (var line in draft.Lines)
        {
            if (line.Quantity <= 0)
                throw new StoreException("lineItems.quantity", "Quantity must be greater than 0.");
            var item = new ShopLineItem
            {
                Id = shop.NextId(), Variant = line.Variant, Title = line.Variant?.Product.Title ?? line.Title ?? "Custom item",
                Sku = line.Variant?.Sku ?? line.Sku, Quantity = line.Quantity, CurrentQuantity = line.Quantity,
                Price = line.Price ?? line.Variant?.Price ?? 0,
            };
            item.Properties.AddRange(line.Properties ?? []);
            order.LineItems.Add(item);
        }
        foreach (var (title, price) in draft.Shipping ?? [])
            order.ShippingLines.Add(new ShopShippingLine { Id = shop.NextId(), Title = title, Price = price, Discount = draft.Discount?.FreeShipping == true ? price : 0 });
        OrderMoney.Apply(order, draft);

        foreach (var group in order.LineItems.GroupBy(i => draft.Location ?? Route(shop, i)))
        {
            var fulfillmentOrder = new ShopFulfillmentOrder { Id = shop.NextId(), Order = order, Location = group.Key, CreatedAt = now, UpdatedAt = now };
            foreach (var item in group)
            {
                fulfillmentOrder.LineItems.Add(new ShopFulfillmentOrderLine { Id = shop.NextId(), LineItem = item, TotalQuantity = item.Quantity, RemainingQuantity = item.Quantity });
                if (commitStock && item.Variant is { InventoryItem.Tracked: true } && shop.Level(item.Variant.InventoryItem.Id, group.Key.Id) is { } level)
                    Commit(shop, level, item.Quantity, now);
            }
            order.FulfillmentOrders.Add(fulfillmentOrder);
        }
        shop.Orders.Add(order);
        webhooks.Publish(shop, "orders/create", OrderPayloads.Order(shop, order));
        if (order.FinancialStatus == "paid")
            webhooks.Publish(shop, "orders/paid", OrderPayloads.Order(shop, order));
        return order;
    }

    /// <summary>Ships fulfillment-order lines, as the merchant or a shipping app such as ShipStation does through the Admin API.</summary>
    public ShopFulfillment Fulfill(Shop shop, IReadOnlyList<(ShopFulfillmentOrder Order, IReadOnlyList<(ShopFulfillmentOrderLine Line, int Quantity)>? Lines)> parts,
        string? company, string? number, string? url, DateTime now)
    {
        var order = parts.Select(p => p.Order.Order).Distinct().SingleOrDefault()
            ?? throw new StoreException("fulfillment.lineItemsByFulfillmentOrder", "All fulfillment orders must belong to the same order.");
        if (order.CancelledAt is not null)
            throw new StoreException("fulfillment", "The order is cancelled.");
        var location = parts[0].Order.Location;
        var fulfillment = new ShopFulfillment
        {
            Id = shop.NextId(), Order = order, Location = location, TrackingCompany = company, TrackingNumber = number, TrackingUrl = url, CreatedAt = now,
        };
        foreach (var (fulfillmentOrder, lines) in parts)
        {
            if (fulfillmentOrder.Status is "CLOSED" or "CANCELLED" or "ON_HOLD")
                throw new StoreException("fulfillment.lineItemsByFulfillmentOrder.fulfillmentOrderId", $"Fulfillment order {fulfillmentOrder.Id} is {fulfillmentOrder.Status.ToLowerInvariant()}.");
            foreach (var (line, quantity) in lines ?? fulfillmentOrder.LineItems.Where(l => l.RemainingQuantity > 0).Select(l => (l, l.RemainingQuantity)).ToList())
            {
                if (quantity <= 0 || quantity > line.RemainingQuantity)
                    throw new StoreException("fulfillment.lineItemsByFulfillmentOrder.fulfillmentOrderLineItems.quantity",
                        $"Quantity {quantity} is more than the {line.RemainingQuantity} remaining.");
                line.RemainingQuantity -= quantity;
                fulfillment.LineItems.Add(new ShopFulfillmentLine(shop.NextId(), line.LineItem, quantity));
                if (line.LineItem.Variant is { InventoryItem.Tracked: true } variant && shop.Level(variant.InventoryItem.Id, fulfillmentOrder.Location.Id) is { } level)
                {
                    // Shipping takes the goods: committed (and so on hand) goes down, available stays.
                    var fromCommitted = Math.Min(level.Committed, quantity);
                    level.Committed -= fromCommitted;
                    level.Available -= quantity - fromCommitted;
                    level.UpdatedAt = now;
                }
            }
            fulfillmentOrder.Status = fulfillmentOrder.LineItems.All(l => l.RemainingQuantity == 0) ? "CLOSED" : "IN_PROGRESS";
            fulfillmentOrder.UpdatedAt = now;
        }
        if (fulfillment.LineItems.Count == 0)
            throw new StoreException("fulfillment", "Nothing left to fulfill.");
        order.Fulfillments.Add(fulfillment);
        order.UpdatedAt = now;
        webhooks.Publish(shop, "fulfillments/create", OrderPayloads.Fulfillment(fulfillment));
        webhooks.Publish(shop, order.FulfillmentStatus == "fulfilled" ? "orders/fulfilled" : "orders/partially_fulfilled", OrderPayloads.Order(shop, order));
        webhooks.Publish(shop, "orders/updated", OrderPayloads.Order(shop, order));
        return fulfillment;
    }

    public void Cancel(Shop shop, ShopOrder order, string reason, bool restock, DateTime now)
    {
        if (order.CancelledAt is not null)
            throw new StoreException("orderId", "Order has already been cancelled.");
        if (order.Fulfillments.Count > 0)
            throw new StoreException("orderId", "Cannot cancel an order that has fulfillments.");
        foreach (var fulfillmentOrder in order.FulfillmentOrders)
        {
            foreach (var line in fulfillmentOrder.LineItems.Where(l => l.RemainingQuantity > 0))
                if (restock && line.LineItem.Variant is { } variant && shop.Level(variant.InventoryItem.Id, fulfillmentOrder.Location.Id) is { } level)
                    Commit(shop, level, -Math.Min(level.Committed, line.RemainingQuantity), now);
            fulfillmentOrder.Status = "CANCELLED";
        }
        order.CancelledAt = now;
        order.CancelReason = reason;
        order.ClosedAt ??= now;
        order.FinancialStatus = order.FinancialStatus == "paid" ? "refunded" : "voided";
        order.UpdatedAt = now;
        webhooks.Publish(shop, "orders/cancelled", OrderPayloads.Order(shop, order));
        webhooks.Publish(shop, "orders/updated", OrderPayloads.Order(shop, order));
    }

    /// <summary>Archives the order (closed_at set).</summary>
    public void Close(Shop shop, ShopOrder order, DateTime now)
    {
        order.ClosedAt = now;
        order.UpdatedAt = now;
        webhooks.Publish(shop, "orders/updated", OrderPayloads.Order(shop, order));
    }

    public void MarkPaid(Shop shop, ShopOrder order, DateTime now)
    {
        order.FinancialStatus = "paid";
        order.UpdatedAt = now;
        webhooks.Publish(shop, "orders/paid", OrderPayloads.Order(shop, order));
        webhooks.Publish(shop, "orders/updated", OrderPayloads.Order(shop, order));
    }

    public ShopCustomer AddCustomer(Shop shop, string? firstName, string? lastName, string? email, string? phone, DateTime now)
    {
        if (email is not null && shop.Customers.Any(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)))
            throw new StoreException("email", "Email has already been taken");
        var customer = new ShopCustomer { Id = shop.NextId(), FirstName = firstName, LastName = lastName, Email = email, Phone = phone, CreatedAt = now, UpdatedAt = now };
        shop.Customers.Add(customer);
        webhooks.Publish(shop, "customers/create", OrderPayloads.Customer(customer));
        return customer;
    }

    /// <summary>
    /// fulfillmentOrderSplit: the given quantities of an open fulfillment order's lines move to a new fulfillment
    /// order at the same location (the original keeps the rest), as a merchant splits a shipment.
    /// </summary>
    public ShopFulfillmentOrder Split(Shop shop, ShopFulfillmentOrder original, IReadOnlyList<(long LineId, int Quantity)> lines, DateTime now)
    {
        if (original.Status is not ("OPEN" or "IN_PROGRESS"))
            throw new StoreException("fulfillmentOrderSplits.fulfillmentOrderId", "The fulfillment order is not open.");
        var split = new ShopFulfillmentOrder { Id = shop.NextId(), Order = original.Order, Location = original.Location, CreatedAt = now, UpdatedAt = now };
        foreach (var (lineId, quantity) in lines)
        {
            var line = original.LineItems.FirstOrDefault(l => l.Id == lineId)
                ?? throw new StoreException("fulfillmentOrderSplits.fulfillmentOrderLineItems.id", "The fulfillment order line item does not exist.");
            if (quantity <= 0 || quantity > line.RemainingQuantity)
                throw new StoreException("fulfillmentOrderSplits.fulfillmentOrderLineItems.quantity", $"Quantity {quantity} is more than the {line.RemainingQuantity} remaining.");
            line.TotalQuantity -= quantity;
            line.RemainingQuantity -= quantity;
            split.LineItems.Add(new ShopFulfillmentOrderLine { Id = shop.NextId(), LineItem = line.LineItem, TotalQuantity = quantity, RemainingQuantity = quantity });
        }
        original.LineItems.RemoveAll(l => l.TotalQuantity == 0);
        original.Order.FulfillmentOrders.Add(split);
        original.UpdatedAt = original.Order.UpdatedAt = now;
        return split;
    }

    /// <summary>Shopify's order routing, simply: the first active location that has the item available, else the first active one.</summary>
    private static ShopLocation Route(Shop shop, ShopLineItem item)
    {
        var active = shop.Locations.Where(l => l.IsActive && l.FulfillsOnlineOrders).ToList();
        if (active.Count == 0)
            throw new StoreException("lineItems", "The store has no active location to fulfill from.");
        return item.Variant is { } variant
            ? active.FirstOrDefault(l => shop.Level(variant.InventoryItem.Id, l.Id)?.Available >= item.Quantity) ?? active[0]
            : active[0];
    }

    private void Commit(Shop shop, ShopInventoryLevel level, long quantity, DateTime now)
    {
        level.Available -= quantity;
        level.Committed += quantity;
        level.UpdatedAt = now;
        webhooks.Publish(shop, "inventory_levels/update", GraphQL.InventoryMutations.InventoryLevelPayload(level));
    }
}

/// <summary>A request the store refuses; mutations turn it into a userError on <see cref="Field"/>.</summary>
public sealed class StoreException(string field, string message, string? code = null) : Exception(message)
{
    public string Field { get; } = field;
    public string? Code { get; } = code;
}
