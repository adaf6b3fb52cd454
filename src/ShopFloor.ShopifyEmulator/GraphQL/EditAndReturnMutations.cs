using System.Globalization;
using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>Order editing (orderEditBegin … orderEditCommit), returns (returnCreate, removeFromReturn, returnProcess, returnClose) and the return(id:) query.</summary>
internal static class EditAndReturnMutations
{
    public static void AddTo(Node root, Shop shop, string version, OrderChanges changes, DateTime now)
    {
        var orders = new OrderNodes(shop);
        var catalog = new CatalogNodes(shop);

        Node Calculated(ShopOrderEdit edit) => new Node("CalculatedOrder")
            .With("id", Gid.Of("CalculatedOrder", edit.Id))
            .With("committed", false)
            .With("originalOrder", _ => orders.Order(edit.Order))
            .With("lineItems", ctx => Connections.Of(ctx,
                edit.Order.LineItems.Select(i => (i.Id, Title: i.Title, i.Sku, Quantity: edit.NewQuantities.GetValueOrDefault(i.Id, i.CurrentQuantity), i.Variant))
                    .Concat(edit.Added.Select(a => (a.Id, Title: a.Variant.Product.Title, a.Variant.Sku, a.Quantity, Variant: (ShopVariant?)a.Variant))),
                x => x.Id,
                x => new Node("CalculatedLineItem")
                    .With("id", Gid.Of("CalculatedLineItem", x.Id))
                    .With("title", x.Title)
                    .With("sku", x.Sku)
                    .With("quantity", x.Quantity)
                    .With("editableQuantity", x.Quantity)
                    .With("variant", _ => x.Variant is { } v ? catalog.Variant(v) : null)));

        ShopOrderEdit Edit(string? gid) =>
            Gid.TryId(gid, "CalculatedOrder", out var id) && shop.OrderEdits.FirstOrDefault(e => e.Id == id) is { } edit
                ? edit
                : throw new StoreException("id", "The calculated order does not exist or was committed.");

        root.With("orderEditBegin", ctx => Payload("OrderEditBeginPayload", "calculatedOrder", () =>
        {
            var order = Gid.TryId(ctx.GetArgument<string>("id"), "Order", out var id) ? shop.Orders.FirstOrDefault(o => o.Id == id) : null;
            if (order is null || order.CancelledAt is not null)
                throw new StoreException("id", "The order does not exist or cannot be edited.");
            var edit = new ShopOrderEdit { Id = shop.NextId(), Order = order };
            shop.OrderEdits.Add(edit);
            return Calculated(edit);
        }));
        root.With("orderEditAddVariant", ctx => Payload("OrderEditAddVariantPayload", "calculatedOrder", () =>
        {
            var edit = Edit(ctx.GetArgument<string>("id"));
            var variant = Gid.TryId(ctx.GetArgument<string>("variantId"), "ProductVariant", out var variantId)
                ? shop.Variants.FirstOrDefault(v => v.Id == variantId) : null;
            var location = Gid.TryId(ctx.GetArgument<string?>("locationId"), "Location", out var locationId)
                ? shop.Locations.FirstOrDefault(l => l.Id == locationId) : null;
            edit.Added.Add((shop.NextId(), variant ?? throw new StoreException("variantId", "Variant does not exist."), ctx.GetArgument<int>("quantity"), location));
            return Calculated(edit);
        }));
        root.With("orderEditSetQuantity", ctx => Payload("OrderEditSetQuantityPayload", "calculatedOrder", () =>
        {
            var edit = Edit(ctx.GetArgument<string>("id"));
            var lineId = Gid.TryId(ctx.GetArgument<string>("lineItemId"), "CalculatedLineItem", out var id) ? id : 0;
            var quantity = ctx.GetArgument<int>("quantity");
            if (quantity < 0)
                throw new StoreException("quantity", "Quantity must be 0 or more.");
            if (edit.Order.LineItems.Any(i => i.Id == lineId))
            {
                edit.NewQuantities[lineId] = quantity;
                edit.Restock[lineId] = ctx.GetArgument<bool?>("restock") ?? true;
            }
            else if (edit.Added.FindIndex(a => a.Id == lineId) is var index and >= 0)
                edit.Added[index] = edit.Added[index] with { Quantity = quantity };
            else
                throw new StoreException("lineItemId", "Line item does not exist.");
            return Calculated(edit);
        }));
        root.With("orderEditCommit", ctx => Payload("OrderEditCommitPayload", "order", () =>
        {
            var edit = Edit(ctx.GetArgument<string>("id"));
            changes.CommitEdit(shop, edit, now);
            return orders.Order(edit.Order);
        }));

        Node Return(ShopReturn r) => new Node("Return")
            .With("id", Gid.Of("Return", r.Id))
            .With("name", r.Name)
            .With("status", r.Status)
            .With("createdAt", CatalogNodes.Time(r.CreatedAt))
            .With("closedAt", r.ClosedAt is { } closed ? CatalogNodes.Time(closed) : null)
            .With("totalQuantity", r.Lines.Sum(l => l.Quantity))
            .With("order", _ => orders.Order(r.Order))
            .With("returnLineItems", ctx => Connections.Of(ctx, r.Lines, l => l.Id, l => new Node("ReturnLineItem")
                .With("id", Gid.Of("ReturnLineItem", l.Id))
                .With("quantity", l.Quantity)
                .With("processedQuantity", l.ProcessedQuantity)
                .With("unprocessedQuantity", l.Quantity - l.ProcessedQuantity)
                .With("returnReason", l.ReturnReason)
                .With("returnReasonNote", l.ReturnReasonNote ?? "")
                .With("fulfillmentLineItem", _ => new Node("FulfillmentLineItem")
                    .With("id", Gid.Of("FulfillmentLineItem", l.FulfillmentLine.Id))
                    .With("quantity", l.FulfillmentLine.Quantity)
                    .With("lineItem", _ => orders.LineItem(r.Order, l.FulfillmentLine.LineItem)))))
            // One reverse fulfillment order per return; its line items carry what processing did with each unit.
            .With("reverseFulfillmentOrders", ctx => Connections.Of(ctx, [r], x => x.Id, x => new Node("ReverseFulfillmentOrder")
                .With("id", Gid.Of("ReverseFulfillmentOrder", x.Id))
                .With("status", x.Status == "CLOSED" ? "CLOSED" : "OPEN")
                .With("lineItems", lineCtx => Connections.Of(lineCtx, x.Lines, l => l.Id, l => new Node("ReverseFulfillmentOrderLineItem")
                    .With("id", Gid.Of("ReverseFulfillmentOrderLineItem", l.Id))
                    .With("totalQuantity", l.Quantity)
                    .With("fulfillmentLineItem", _ => new Node("FulfillmentLineItem")
                        .With("id", Gid.Of("FulfillmentLineItem", l.FulfillmentLine.Id))
                        .With("quantity", l.FulfillmentLine.Quantity)
                        .With("lineItem", _ => orders.LineItem(x.Order, l.FulfillmentLine.LineItem)))
                    .With("dispositions", l.Dispositions.Select((d, i) => new Node("ReverseFulfillmentOrderDisposition")
                        .With("id", Gid.Of("ReverseFulfillmentOrderDisposition", l.Id * 100 + i))
                        .With("type", d.Type)
                        .With("quantity", d.Quantity)
                        .With("location", _ => d.Location is { } at ? catalog.Location(at) : null)).ToList())))));

        root.With("return", ctx => Gid.TryId(ctx.GetArgument<string>("id"), "Return", out var wanted)
            && shop.Returns.FirstOrDefault(r => r.Id == wanted) is { } found ? Return(found) : null);

        ShopReturn Find(string? gid) =>
            Gid.TryId(gid, "Return", out var id) && shop.Returns.FirstOrDefault(r => r.Id == id) is { } found
                ? found
                : throw new StoreException("id", "Return does not exist.");

        root.With("returnCreate", ctx => Payload("ReturnCreatePayload", "return", () =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("returnInput");
            var order = Gid.TryId(input.String("orderId"), "Order", out var orderId) ? shop.Orders.FirstOrDefault(o => o.Id == orderId) : null;
            var lines = input.Objects("returnLineItems").Select(l => (
                Gid.TryId(l.String("fulfillmentLineItemId"), "FulfillmentLineItem", out var lineId) ? lineId : 0,
                (int)(l.Decimal("quantity") ?? 0), (string?)null, l.String("returnReasonNote"))).ToList();
            return Return(changes.CreateReturn(shop, order ?? throw new StoreException("orderId", "Order does not exist."), lines, now));
        }, "ReturnUserError"));
        root.With("returnProcess", ctx => Payload("ReturnProcessPayload", "return", () =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("input");
            var processed = Find(input.String("returnId"));
            var lines = input.Objects("returnLineItems").Select(l =>
            {
                var restock = l.Objects("dispositions").FirstOrDefault(d => d.String("dispositionType") == "RESTOCKED");
                var location = restock is not null && Gid.TryId(restock.String("locationId"), "Location", out var locationId)
                    ? shop.Locations.FirstOrDefault(x => x.Id == locationId) : null;
                return (Gid.TryId(l.String("id"), "ReturnLineItem", out var lineId) ? lineId : 0, (int)(l.Decimal("quantity") ?? 0), location);
            }).ToList();
            changes.ProcessReturn(shop, processed, lines, now);
            return Return(processed);
        }, "ReturnUserError"));
        root.With("returnClose", ctx => Payload("ReturnClosePayload", "return", () =>
        {
            var closing = Find(ctx.GetArgument<string>("id"));
            changes.CloseReturn(shop, closing, now);
            return Return(closing);
        }, "ReturnUserError"));
        root.With("removeFromReturn", ctx => Payload("RemoveFromReturnPayload", "return", () =>
        {
            var changed = Gid.TryId(ctx.GetArgument<string>("returnId"), "Return", out var id) && shop.Returns.FirstOrDefault(r => r.Id == id) is { } found
                ? found
                : throw new StoreException("returnId", "Return does not exist.");
            changes.RemoveFromReturn(shop, changed, (ctx.GetArgument<List<object?>?>("returnLineItems") ?? []).OfType<IDictionary<string, object?>>()
                .Select(l => (Gid.TryId(l.String("returnLineItemId"), "ReturnLineItem", out var lineId) ? lineId : 0, (int)(l.Decimal("quantity") ?? 0))).ToList(), now);
            return Return(changed);
        }, "ReturnUserError"));
        root.With("refundCreate", ctx => Idempotency.Run(ctx, shop, version, "UserError", () => Payload("RefundCreatePayload", "refund", () =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("input");
            var order = Gid.TryId(input.String("orderId"), "Order", out var orderId) ? shop.Orders.FirstOrDefault(o => o.Id == orderId) : null;
            var lines = input.Objects("refundLineItems").Select(l => (
                Gid.TryId(l.String("lineItemId"), "LineItem", out var lineId) ? lineId : 0,
                (int)(l.Decimal("quantity") ?? 0),
                l.String("restockType") ?? "NO_RESTOCK",
                Gid.TryId(l.String("locationId"), "Location", out var locationId) ? shop.Locations.FirstOrDefault(x => x.Id == locationId) : null)).ToList();
            var refunded = order ?? throw new StoreException("orderId", "Order does not exist.");
            var refund = changes.Refund(shop, refunded, lines, input.String("note"), now);
            return new Node("Refund").With("id", Gid.Of("Refund", refund.Id)).With("note", refund.Note).With("createdAt", CatalogNodes.Time(refund.CreatedAt))
                .With("order", _ => orders.Order(refunded));
        })));
        root.With("return", ctx => Gid.TryId(ctx.GetArgument<string>("id"), "Return", out var id) && shop.Returns.FirstOrDefault(r => r.Id == id) is { } r ? Return(r) : null);
    }

    private static Node Payload(string type, string field, Func<Node> run, string errorType = "UserError")
    {
        try
        {
            return new Node(type).With(field, run()).With("userErrors", Array.Empty<Node>());
        }
        catch (StoreException e)
        {
            return new Node(type).With(field, (object?)null).With("userErrors", new[] { Inputs.UserError(errorType, e.Field.Split('.'), e.Message) });
        }
    }
}
