using System.Globalization;
using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>Orders, their line items, fulfillment orders and fulfillments, and customers as GraphQL objects.</summary>
public sealed class OrderNodes(Shop shop)
{
    private readonly CatalogNodes _catalog = new(shop);

    public Node Order(ShopOrder o) => new Node("Order")
        .With("id", Gid.Of("Order", o.Id))
        .With("legacyResourceId", o.Id.ToString(CultureInfo.InvariantCulture))
        .With("name", o.Name)
        .With("email", o.Email)
        .With("note", o.Note)
        .With("createdAt", CatalogNodes.Time(o.CreatedAt))
        .With("updatedAt", CatalogNodes.Time(o.UpdatedAt))
        .With("processedAt", CatalogNodes.Time(o.CreatedAt))
        .With("closed", o.ClosedAt is not null)
        .With("closedAt", o.ClosedAt is { } closed ? CatalogNodes.Time(closed) : null)
        .With("cancelledAt", o.CancelledAt is { } cancelled ? CatalogNodes.Time(cancelled) : null)
        .With("cancelReason", o.CancelReason)
        .With("displayFinancialStatus", o.FinancialStatus.ToUpperInvariant())
        .With("displayFulfillmentStatus", o.FulfillmentStatus switch { "fulfilled" => "FULFILLED", "partial" => "PARTIALLY_FULFILLED", _ => "UNFULFILLED" })
        .With("fullyPaid", o.FinancialStatus == "paid")
        .With("currencyCode", o.Currency)
        .With("taxesIncluded", o.TaxesIncluded)
        .With("customer", _ => o.Customer is { } c ? Customer(c) : null)
        .With("totalPriceSet", MoneyBag(o.LineItems.Sum(i => (i.Price - i.DiscountPerUnit) * i.CurrentQuantity) + o.ShippingLines.Sum(l => l.Price - l.Discount)
            + (o.TaxesIncluded ? 0 : o.LineItems.SelectMany(i => i.TaxLines).Concat(o.ShippingLines.SelectMany(l => l.TaxLines)).Sum(t => t.Amount))))
        .With("lineItems", ctx => Connections.Of(ctx, o.LineItems, i => i.Id, i => LineItem(o, i)))
        .With("shippingLines", ctx => Connections.Of(ctx, o.ShippingLines, l => l.Id, l => new Node("ShippingLine")
            .With("id", Gid.Of("ShippingLine", l.Id)).With("title", l.Title).With("code", l.Title).With("originalPriceSet", MoneyBag(l.Price))
            .With("discountedPriceSet", MoneyBag(l.Price - l.Discount)).With("taxLines", l.TaxLines.Select(TaxLine).ToList())))
        .With("tags", o.Tags)
        .With("discountCode", o.DiscountCode)
        .With("totalDiscountsSet", MoneyBag(o.LineItems.Sum(i => i.DiscountPerUnit * i.Quantity) + o.ShippingLines.Sum(l => l.Discount)))
        .With("shippingAddress", Address(o.ShippingAddress))
        .With("billingAddress", Address(o.BillingAddress))
        .With("fulfillmentOrders", ctx => Connections.Of(ctx, o.FulfillmentOrders, f => f.Id, FulfillmentOrder))
        // A list, not a connection: first truncates it, and there is no second page.
        .With("fulfillments", ctx => o.Fulfillments.Take(ctx.GetArgument<int?>("first") ?? int.MaxValue).Select(Fulfillment).ToList())
        .With("returns", ctx => Connections.Of(ctx, shop.Returns.Where(r => r.Order == o), r => r.Id, r => new Node("Return")
            .With("id", Gid.Of("Return", r.Id)).With("name", r.Name).With("status", r.Status)));

    public Node LineItem(ShopOrder order, ShopLineItem i) => new Node("LineItem")
        .With("id", Gid.Of("LineItem", i.Id))
        .With("title", i.Title)
        .With("name", i.Title)
        .With("sku", i.Sku)
        .With("quantity", i.Quantity)
        .With("currentQuantity", i.CurrentQuantity)
        .With("unfulfilledQuantity", Math.Max(0, i.CurrentQuantity - order.FulfilledQuantity(i)))
        .With("requiresShipping", i.RequiresShipping)
        .With("taxable", i.Taxable)
        .With("isGiftCard", false)
        .With("originalUnitPriceSet", MoneyBag(i.Price))
        .With("discountedUnitPriceSet", MoneyBag(i.Price - i.DiscountPerUnit))
        .With("discountedUnitPriceAfterAllDiscountsSet", MoneyBag(i.Price - i.DiscountPerUnit))
        .With("totalDiscountSet", MoneyBag(i.DiscountPerUnit * i.Quantity))
        .With("taxLines", ctx => i.TaxLines.Take(ctx.GetArgument<int?>("first") ?? int.MaxValue).Select(TaxLine).ToList())
        .With("customAttributes", i.Properties.Select(p => new Node("Attribute").With("key", p.Key).With("value", p.Value)).ToList())
        .With("variant", _ => i.Variant is { } v ? _catalog.Variant(v) : null)
        .With("product", _ => i.Variant is { } v ? _catalog.Product(v.Product) : null);

    public Node FulfillmentOrder(ShopFulfillmentOrder f) => new Node("FulfillmentOrder")
        .With("id", Gid.Of("FulfillmentOrder", f.Id))
        .With("status", f.Status)
        .With("createdAt", CatalogNodes.Time(f.CreatedAt))
        .With("updatedAt", CatalogNodes.Time(f.UpdatedAt))
        .With("orderId", Gid.Of("Order", f.Order.Id))
        .With("order", _ => Order(f.Order))
        .With("assignedLocation", new Node("FulfillmentOrderAssignedLocation")
            .With("name", f.Location.Name).With("location", _catalog.Location(f.Location)))
        .With("lineItems", ctx => Connections.Of(ctx, f.LineItems, l => l.Id, l => new Node("FulfillmentOrderLineItem")
            .With("id", Gid.Of("FulfillmentOrderLineItem", l.Id))
            .With("totalQuantity", l.TotalQuantity)
            .With("remainingQuantity", l.RemainingQuantity)
            .With("sku", l.LineItem.Sku)
            .With("lineItem", _ => LineItem(f.Order, l.LineItem))));

    public Node Fulfillment(ShopFulfillment f) => new Node("Fulfillment")
        .With("id", Gid.Of("Fulfillment", f.Id))
        .With("status", "SUCCESS")
        .With("createdAt", CatalogNodes.Time(f.CreatedAt))
        .With("updatedAt", CatalogNodes.Time(f.CreatedAt))
        .With("location", _ => _catalog.Location(f.Location))
        .With("order", _ => Order(f.Order))
        .With("trackingInfo", _ => f.TrackingNumber is null && f.TrackingCompany is null ? Array.Empty<Node>()
            : [new Node("FulfillmentTrackingInfo").With("company", f.TrackingCompany).With("number", f.TrackingNumber).With("url", f.TrackingUrl)])
        .With("fulfillmentLineItems", ctx => Connections.Of(ctx, f.LineItems, l => l.Id, l => new Node("FulfillmentLineItem")
            .With("id", Gid.Of("FulfillmentLineItem", l.Id))
            .With("quantity", l.Quantity)
            .With("lineItem", _ => LineItem(f.Order, l.LineItem))));

    public Node Customer(ShopCustomer c) => new Node("Customer")
        .With("id", Gid.Of("Customer", c.Id))
        .With("legacyResourceId", c.Id.ToString(CultureInfo.InvariantCulture))
        .With("firstName", c.FirstName)
        .With("lastName", c.LastName)
        .With("displayName", $"{c.FirstName} {c.LastName}".Trim() is { Length: > 0 } name ? name : c.Email ?? "")
        .With("email", c.Email)
        .With("phone", c.Phone)
        .With("defaultEmailAddress", c.Email is null ? null : new Node("CustomerEmailAddress").With("emailAddress", c.Email))
        .With("createdAt", CatalogNodes.Time(c.CreatedAt))
        .With("updatedAt", CatalogNodes.Time(c.UpdatedAt));

    private Node TaxLine(ShopTaxLine t) => new Node("TaxLine")
        .With("title", t.Title).With("rate", (double)t.Rate).With("ratePercentage", (double)(t.Rate * 100)).With("priceSet", MoneyBag(t.Amount)).With("channelLiable", false);

    private static Node? Address(ShopAddress? a) => a is null ? null : new Node("MailingAddress")
        .With("name", a.Name).With("address1", a.Address1).With("address2", a.Address2).With("city", a.City).With("provinceCode", a.ProvinceCode)
        .With("zip", a.Zip).With("countryCodeV2", a.CountryCode).With("phone", a.Phone);

    private Node MoneyBag(decimal amount)
    {
        var money = new Node("MoneyV2").With("amount", amount.ToString("0.00", CultureInfo.InvariantCulture)).With("currencyCode", shop.Currency);
        return new Node("MoneyBag").With("shopMoney", money).With("presentmentMoney", money);
    }
}
