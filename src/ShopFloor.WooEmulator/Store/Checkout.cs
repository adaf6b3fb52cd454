using ShopFloor.WooEmulator.Webhooks;

namespace ShopFloor.WooEmulator.Store;

public sealed record LineDraft(string Sku, int Quantity);

/// <summary>
/// What happens to orders and stock in a WooCommerce store: an order reduces stock once it reaches processing,
/// on-hold or completed; cancelling (or failing) a paid order puts the stock back; a refund with
/// <c>api_restock</c> restocks the refunded items. Each change sends its webhooks. The caller holds the store's gate.
/// </summary>
public sealed class Checkout(WebhookSender webhooks, TimeProvider clock)
{
    /// <summary>A shopper checks out and pays: the order is created and processing, and its stock is taken.</summary>
    public WooOrder Place(WooStore store, IReadOnlyList<LineDraft> lines, WooAddress buyer, string status = OrderStatus.Processing, decimal shipping = 0)
    {
        var now = Now;
        var order = new WooOrder(store.NextId(), now) { Billing = buyer, ShippingTotal = shipping };
        foreach (var line in lines)
        {
            var (product, variation) = Find(store, line.Sku) ?? throw new InvalidOperationException($"The store sells no {line.Sku}.");
            order.LineItems.Add(new WooLineItem(store.NextId(), product, variation, line.Quantity, variation?.Price ?? product.Price));
        }
        store.Orders.Add(order);
        Publish(store, "order.created", order);
        SetStatus(store, order, status, announce: false);
        return order;
    }

    /// <summary>A status change, as the admin, a payment gateway or a shipping app (ShipStation: completed) makes it.</summary>
    public void SetStatus(WooStore store, WooOrder order, string status, bool announce = true)
    {
        if (!OrderStatus.All.Contains(status))
            throw new ArgumentException($"{status} is not an order status.", nameof(status));
        var now = Now;
        order.Status = status;
        order.ModifiedAt = now;
        if (status is OrderStatus.Processing or OrderStatus.Completed)
            order.PaidAt ??= now;
        order.CompletedAt = status == OrderStatus.Completed ? now : null;
        if (OrderStatus.HoldsStock(status) && !order.StockReduced)
            MoveStock(store, order.LineItems.Select(l => (l, -l.Quantity)), order, now);
        else if (status is OrderStatus.Cancelled or OrderStatus.Failed or OrderStatus.Pending && order.StockReduced)
            MoveStock(store, order.LineItems.Select(l => (l, l.Quantity)), order, now);
        if (announce)
            Publish(store, "order.updated", order);
    }

    public WooRefund Refund(WooStore store, WooOrder order, decimal amount, string reason, IReadOnlyList<(long LineItemId, int Quantity)> lines, bool restock)
    {
        var now = Now;
        var refund = new WooRefund(store.NextId(), amount, reason,
            lines.Select(l => new WooRefundLine(store.NextId(), order.LineItems.First(x => x.Id == l.LineItemId), l.Quantity)).ToList(), now);
        order.Refunds.Add(refund);
        if (restock)
            MoveStock(store, refund.Lines.Select(l => (l.Item, l.Quantity)), order: null, now);
        if (order.Refunds.Sum(r => r.Amount) >= order.Total)
            order.Status = OrderStatus.Refunded;
        order.ModifiedAt = now;
        Publish(store, "order.updated", order);
        return refund;
    }

    /// <summary>Deleted: to the trash (stock untouched, as WooCommerce does), or for good with force.</summary>
    public void Delete(WooStore store, WooOrder order, bool force)
    {
        if (force)
        {
            store.Orders.Remove(order);
        }
        else
        {
            order.Status = OrderStatus.Trash;
            order.ModifiedAt = Now;
        }
        Publish(store, "order.deleted", order);
    }

    /// <summary>
    /// An order edited in the admin: line quantities changed (0 removes the line). An order whose stock was taken
    /// gives back or takes the difference, as the admin's edit does.
    /// </summary>
    public void EditLines(WooStore store, WooOrder order, IReadOnlyList<(long LineItemId, int Quantity)> changes)
    {
        var now = Now;
        var moves = new List<(WooLineItem, int)>();
        foreach (var (lineId, quantity) in changes)
        {
            var line = order.LineItems.First(l => l.Id == lineId);
            moves.Add((line, line.Quantity - quantity));
            if (quantity == 0)
                order.LineItems.Remove(line);
            else
                line.Quantity = quantity;
        }
        if (order.StockReduced)
        {
            MoveStock(store, moves, order: null, now);
        }
        order.ModifiedAt = now;
        Publish(store, "order.updated", order);
    }

    /// <summary>Sets a product's or variation's stock (the REST API's stock_quantity), as ShopFloor's push does.</summary>
    public void SetStock(WooStore store, WooProduct product, WooVariation? variation, int? quantity, bool? manage)
    {
        var now = Now;
        if (variation is not null)
        {
            (variation.StockQuantity, variation.ManageStock, variation.ModifiedAt) = (quantity ?? variation.StockQuantity, manage ?? variation.ManageStock, now);
        }
        else
        {
            (product.StockQuantity, product.ManageStock) = (quantity ?? product.StockQuantity, manage ?? product.ManageStock);
        }
        product.ModifiedAt = now;
        Publish(store, "product.updated", product);
    }

    /// <summary>
    /// A product's or variation's SKU changed, as in the admin or by <c>PUT</c>; false when another product or variation
    /// has it already (WooCommerce keeps SKUs unique). Announced as product.updated with the rest of the edit.
    /// </summary>
    public static bool TrySetSku(WooStore store, WooProduct product, WooVariation? variation, string sku)
    {
        if (sku.Length > 0 && (store.Products.Any(p => p.Sku == sku && p != product) || store.Variations.Any(v => v.Sku == sku && v != variation)))
            return false;
        if (variation is not null)
            variation.Sku = sku;
        else
            product.Sku = sku;
        return true;
    }

    public static (WooProduct Product, WooVariation? Variation)? Find(WooStore store, string sku) =>
        store.Products.FirstOrDefault(p => p.Sku == sku && p.Variations.Count == 0) is { } simple ? (simple, null)
        : store.Variations.FirstOrDefault(v => v.Sku == sku) is { } variation ? (variation.Parent, variation)
        : null;

    private void MoveStock(WooStore store, IEnumerable<(WooLineItem Line, int Change)> changes, WooOrder? order, DateTime now)
    {
        var touched = new HashSet<WooProduct>();
        foreach (var (line, change) in changes)
        {
            if (line.Variation is { ManageStock: true } variation)
                (variation.StockQuantity, variation.ModifiedAt) = ((variation.StockQuantity ?? 0) + change, now);
            else if (line.Variation is null && line.Product.ManageStock)
                line.Product.StockQuantity = (line.Product.StockQuantity ?? 0) + change;
            else
                continue;
            line.Product.ModifiedAt = now;
            touched.Add(line.Product);
        }
        if (order is not null)
            order.StockReduced = !order.StockReduced;
        foreach (var product in touched)
            Publish(store, "product.updated", product);
    }

    private void Publish(WooStore store, string topic, WooOrder order) =>
        webhooks.Publish(store, topic, Payloads.Order(store, order).ToJsonString());

    private void Publish(WooStore store, string topic, WooProduct product) =>
        webhooks.Publish(store, topic, Payloads.Product(store, product).ToJsonString());

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
