using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>orderCreate, orderCancel, orderClose, orderMarkAsPaid, fulfillmentOrderSplit, fulfillmentCreate and customerCreate.</summary>
internal static class OrderMutations
{
    public static void AddTo(Node root, Shop shop, OrderBook book, DateTime now)
    {
        var nodes = new OrderNodes(shop);
        root.With("orderCreate", ctx => Guarded("OrderCreatePayload", "order", "OrderCreateUserError", () =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("order");
            var behaviour = ctx.GetArgument<Dictionary<string, object?>?>("options")?.String("inventoryBehaviour") ?? "BYPASS";
            var shipping = input.Objects("shippingLines").ToList();
            var draft = new OrderDraft(
                input.Objects("lineItems").Select(Line).ToList(),
                (input.String("financialStatus") ?? "PAID").ToLowerInvariant(),
                input.String("email"),
                Customer(input.Object("customer")),
                shipping.Select(l => (l.String("title") ?? "Shipping", Amount(l.Object("priceSet")) ?? 0)).ToList(),
                input.String("note"),
                Discount: Discount(input.Object("discountCode")),
                ShippingTaxRate: shipping.Select(l => Rate(l)).FirstOrDefault(r => r is not null),
                Tags: input.TryGetValue("tags", out var tags) && tags is IEnumerable<object?> list ? list.OfType<string>().ToList() : null,
                ShippingAddress: Address(input.Object("shippingAddress")),
                BillingAddress: Address(input.Object("billingAddress")));
            return nodes.Order(book.Place(shop, draft, commitStock: behaviour != "BYPASS", now));
        }));
        root.With("orderCancel", ctx => Guarded("OrderCancelPayload", "job", "OrderCancelUserError", () =>
        {
            book.Cancel(shop, Order(ctx.GetArgument<string>("orderId")), ctx.GetArgument<object>("reason").ToString()!, ctx.GetArgument<bool>("restock"), now);
            return new Node("Job").With("id", Gid.Of("Job", shop.NextId())).With("done", true);
        }, extra: ("orderCancelUserErrors", "OrderCancelUserError")));
        root.With("orderClose", ctx => Guarded("OrderClosePayload", "order", "UserError", () =>
        {
            var order = Order(ctx.GetArgument<Dictionary<string, object?>>("input").String("id"));
            book.Close(shop, order, now);
            return nodes.Order(order);
        }));
        root.With("orderMarkAsPaid", ctx => Guarded("OrderMarkAsPaidPayload", "order", "UserError", () =>
        {
            var order = Order(ctx.GetArgument<Dictionary<string, object?>>("input").String("id"));
            book.MarkPaid(shop, order, now);
            return nodes.Order(order);
        }));
        root.With("fulfillmentOrderSplit", ctx =>
        {
            try
            {
                var results = ctx.GetArgument<List<object?>>("fulfillmentOrderSplits").OfType<IDictionary<string, object?>>().Select(split =>
                {
                    var original = Gid.TryId(split.String("fulfillmentOrderId"), "FulfillmentOrder", out var id)
                        && shop.Orders.SelectMany(o => o.FulfillmentOrders).FirstOrDefault(f => f.Id == id) is { } found
                            ? found
                            : throw new StoreException("fulfillmentOrderSplits.fulfillmentOrderId", "The fulfillment order does not exist.");
                    var made = book.Split(shop, original, split.Objects("fulfillmentOrderLineItems").Select(l =>
                        (Gid.TryId(l.String("id"), "FulfillmentOrderLineItem", out var lineId) ? lineId : 0, (int)(l.Decimal("quantity") ?? 0))).ToList(), now);
                    return new Node("FulfillmentOrderSplitResult").With("fulfillmentOrder", nodes.FulfillmentOrder(made))
                        .With("remainingFulfillmentOrder", nodes.FulfillmentOrder(original)).With("replacementFulfillmentOrder", (object?)null);
                }).ToList();
                return new Node("FulfillmentOrderSplitPayload").With("fulfillmentOrderSplits", results).With("userErrors", Array.Empty<Node>());
            }
            catch (StoreException e)
            {
                return new Node("FulfillmentOrderSplitPayload").With("fulfillmentOrderSplits", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("FulfillmentOrderSplitUserError", e.Field.Split('.'), e.Message) });
            }
        });
        root.With("fulfillmentCreate", ctx => Guarded("FulfillmentCreatePayload", "fulfillment", "UserError", () =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("fulfillment");
            var parts = input.Objects("lineItemsByFulfillmentOrder").Select(part =>
            {
                var fulfillmentOrder = Gid.TryId(part.String("fulfillmentOrderId"), "FulfillmentOrder", out var id)
                    ? shop.Orders.SelectMany(o => o.FulfillmentOrders).FirstOrDefault(f => f.Id == id) : null;
                if (fulfillmentOrder is null)
                    throw new StoreException("fulfillment.lineItemsByFulfillmentOrder.fulfillmentOrderId", "Fulfillment order does not exist.");
                var lines = part.Objects("fulfillmentOrderLineItems").Select(l => (
                    fulfillmentOrder.LineItems.FirstOrDefault(x => Gid.TryId(l.String("id"), "FulfillmentOrderLineItem", out var lineId) && x.Id == lineId)
                        ?? throw new StoreException("fulfillment.lineItemsByFulfillmentOrder.fulfillmentOrderLineItems.id", "Fulfillment order line item does not exist."),
                    (int)(l.Decimal("quantity") ?? 0))).ToList();
                return (fulfillmentOrder, lines.Count == 0 ? null : (IReadOnlyList<(ShopFulfillmentOrderLine, int)>)lines);
            }).ToList();
            if (parts.Count == 0)
                throw new StoreException("fulfillment.lineItemsByFulfillmentOrder", "Name at least one fulfillment order.");
            var tracking = input.Object("trackingInfo");
            return nodes.Fulfillment(book.Fulfill(shop, parts, tracking?.String("company"), tracking?.String("number"), tracking?.String("url"), now));
        }));
        root.With("customerCreate", ctx => Guarded("CustomerCreatePayload", "customer", "UserError", () =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("input");
            return nodes.Customer(book.AddCustomer(shop, input.String("firstName"), input.String("lastName"), input.String("email"), input.String("phone"), now));
        }));

        ShopOrder Order(string? gid) =>
            Gid.TryId(gid, "Order", out var id) && shop.Orders.FirstOrDefault(o => o.Id == id) is { } order
                ? order
                : throw new StoreException("id", "Order does not exist.");

        LineDraft Line(IDictionary<string, object?> line)
        {
            ShopVariant? variant = null;
            if (line.String("variantId") is { } variantId)
                variant = Gid.TryId(variantId, "ProductVariant", out var id) ? shop.Variants.FirstOrDefault(v => v.Id == id) : null;
            if (line.String("variantId") is not null && variant is null)
                throw new StoreException("order.lineItems.variantId", "Variant does not exist.");
            return new LineDraft(variant, line.String("title"), line.String("sku"), (int)(line.Decimal("quantity") ?? 0), Amount(line.Object("priceSet")),
                null, line.Objects("properties").Select(p => (p.String("name") ?? "", p.String("value") ?? "")).ToList(),
                line.Objects("taxLines").Select(t => (t.String("title") ?? "Tax", t.Decimal("rate") ?? 0)).ToList());
        }

        // Several tax lines on one line (state and county, say) add up to the line's rate.
        static decimal? Rate(IDictionary<string, object?> line)
        {
            var rates = line.Objects("taxLines").Select(t => t.Decimal("rate")).OfType<decimal>().ToList();
            return rates.Count == 0 ? null : rates.Sum();
        }

        static DiscountDraft? Discount(IDictionary<string, object?>? code) =>
            code?.Object("itemPercentageDiscountCode") is { } percentage ? new DiscountDraft(percentage.String("code") ?? "", Percentage: percentage.Decimal("percentage"))
            : code?.Object("itemFixedDiscountCode") is { } fixedAmount ? new DiscountDraft(fixedAmount.String("code") ?? "", Amount: Amount(fixedAmount.Object("amountSet")))
            : code?.Object("freeShippingDiscountCode") is { } free ? new DiscountDraft(free.String("code") ?? "", FreeShipping: true)
            : null;

        static ShopAddress? Address(IDictionary<string, object?>? a) => a is null ? null : new ShopAddress(
            string.Join(' ', new[] { a.String("firstName"), a.String("lastName") }.Where(n => !string.IsNullOrEmpty(n))),
            a.String("address1"), a.String("address2"), a.String("city"), a.String("provinceCode"), a.String("zip"), a.String("countryCode"), a.String("phone"));

        ShopCustomer? Customer(IDictionary<string, object?>? input)
        {
            if (input?.Object("toAssociate")?.String("id") is { } id)
                return Gid.TryId(id, "Customer", out var customerId) ? shop.Customers.FirstOrDefault(c => c.Id == customerId) : null;
            if (input?.Object("toUpsert") is not { } upsert)
                return null;
            var email = upsert.String("email");
            return shop.Customers.FirstOrDefault(c => email is not null && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))
                ?? book.AddCustomer(shop, upsert.String("firstName"), upsert.String("lastName"), email, upsert.String("phone"), now);
        }
    }

    private static decimal? Amount(IDictionary<string, object?>? moneyBag) => moneyBag?.Object("shopMoney")?.Decimal("amount");

    /// <summary>Runs a mutation; a refusal from the store becomes a userError instead of an exception.</summary>
    private static Node Guarded(string payload, string field, string errorType, Func<Node> run, (string Field, string Type)? extra = null)
    {
        Node result;
        try
        {
            result = new Node(payload).With(field, run()).With("userErrors", Array.Empty<Node>());
        }
        catch (StoreException e)
        {
            var error = Inputs.UserError(errorType, e.Field.Split('.'), e.Message);
            result = new Node(payload).With(field, (object?)null).With("userErrors", new[] { error });
        }
        if (extra is { } more)
            result.With(more.Field, result["userErrors"]);
        return result;
    }
}
