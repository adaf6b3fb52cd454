using System.Globalization;
using ShopFloor.ShopifyEmulator.GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.Webhooks;

/// <summary>Order, fulfillment and customer webhook bodies in Shopify's REST shape (fixtures/shopify/legacy-rest).</summary>
public static class OrderPayloads
{
    public static Dictionary<string, object?> Order(Shop shop, ShopOrder o)
    {
        var subtotal = o.LineItems.Sum(i => i.Price * i.CurrentQuantity);
        var shipping = o.ShippingLines.Sum(l => l.Price);
        return new()
        {
            ["id"] = o.Id,
            ["admin_graphql_api_id"] = Gid.Of("Order", o.Id),
            ["name"] = o.Name,
            ["number"] = o.Number - 1000,
            ["order_number"] = o.Number,
            ["email"] = o.Email,
            ["note"] = o.Note,
            ["created_at"] = CatalogNodes.Time(o.CreatedAt),
            ["updated_at"] = CatalogNodes.Time(o.UpdatedAt),
            ["processed_at"] = CatalogNodes.Time(o.CreatedAt),
            ["closed_at"] = o.ClosedAt is { } closed ? CatalogNodes.Time(closed) : null,
            ["cancelled_at"] = o.CancelledAt is { } cancelled ? CatalogNodes.Time(cancelled) : null,
            ["cancel_reason"] = o.CancelReason?.ToLowerInvariant(),
            ["financial_status"] = o.FinancialStatus,
            ["fulfillment_status"] = o.FulfillmentStatus,
            ["confirmed"] = true,
            ["test"] = false,
            ["currency"] = o.Currency,
            ["taxes_included"] = o.TaxesIncluded,
            ["subtotal_price"] = Money(subtotal),
            ["total_line_items_price"] = Money(subtotal),
            ["total_price"] = Money(subtotal + shipping),
            ["total_tax"] = Money(0),
            ["total_discounts"] = Money(0),
            ["source_name"] = "web",
            ["tags"] = "",
            ["customer"] = o.Customer is { } c ? Customer(c) : null,
            ["line_items"] = o.LineItems.Select(i => LineItem(o, i)).ToList(),
            ["shipping_lines"] = o.ShippingLines.Select(l => new Dictionary<string, object?>
            {
                ["id"] = l.Id, ["title"] = l.Title, ["code"] = l.Title, ["price"] = Money(l.Price), ["source"] = "shopify",
            }).ToList(),
            ["fulfillments"] = o.Fulfillments.Select(f => Fulfillment(f)).ToList(),
            ["refunds"] = Array.Empty<object>(),
            ["shipping_address"] = null,
            ["billing_address"] = null,
        };
    }

    public static Dictionary<string, object?> LineItem(ShopOrder order, ShopLineItem i) => new()
    {
        ["id"] = i.Id,
        ["admin_graphql_api_id"] = Gid.Of("LineItem", i.Id),
        ["variant_id"] = i.Variant?.Id,
        ["product_id"] = i.Variant?.Product.Id,
        ["sku"] = i.Sku,
        ["title"] = i.Title,
        ["name"] = i.Variant is { } v ? $"{i.Title} - {v.Title}" : i.Title,
        ["variant_title"] = i.Variant?.Title,
        ["vendor"] = i.Variant?.Product.Vendor,
        ["quantity"] = i.Quantity,
        ["current_quantity"] = i.CurrentQuantity,
        ["fulfillable_quantity"] = Math.Max(0, i.CurrentQuantity - order.FulfilledQuantity(i)),
        ["fulfillment_status"] = order.FulfilledQuantity(i) switch { 0 => null, var n when n >= i.CurrentQuantity => "fulfilled", _ => "partial" },
        ["fulfillment_service"] = "manual",
        ["price"] = Money(i.Price),
        ["requires_shipping"] = i.RequiresShipping,
        ["taxable"] = i.Taxable,
        ["gift_card"] = false,
        ["grams"] = 0,
        ["product_exists"] = i.Variant is not null,
        ["variant_inventory_management"] = i.Variant is null ? null : "shopify",
        ["properties"] = Array.Empty<object>(),
        ["tax_lines"] = Array.Empty<object>(),
    };

    public static Dictionary<string, object?> Fulfillment(ShopFulfillment f) => new()
    {
        ["id"] = f.Id,
        ["admin_graphql_api_id"] = Gid.Of("Fulfillment", f.Id),
        ["order_id"] = f.Order.Id,
        ["location_id"] = f.Location.Id,
        ["status"] = "success",
        ["service"] = "manual",
        ["created_at"] = CatalogNodes.Time(f.CreatedAt),
        ["updated_at"] = CatalogNodes.Time(f.CreatedAt),
        ["tracking_company"] = f.TrackingCompany,
        ["tracking_number"] = f.TrackingNumber,
        ["tracking_numbers"] = f.TrackingNumber is null ? Array.Empty<string>() : [f.TrackingNumber],
        ["tracking_url"] = f.TrackingUrl,
        ["tracking_urls"] = f.TrackingUrl is null ? Array.Empty<string>() : [f.TrackingUrl],
        ["receipt"] = new Dictionary<string, object?>(),
        ["line_items"] = f.LineItems.Select(l => new Dictionary<string, object?>(LineItem(f.Order, l.LineItem))
        {
            ["quantity"] = l.Quantity,
            ["fulfillment_line_item_id"] = l.Id,
        }).ToList(),
    };

    public static Dictionary<string, object?> Customer(ShopCustomer c) => new()
    {
        ["id"] = c.Id,
        ["admin_graphql_api_id"] = Gid.Of("Customer", c.Id),
        ["email"] = c.Email,
        ["first_name"] = c.FirstName,
        ["last_name"] = c.LastName,
        ["phone"] = c.Phone,
        ["created_at"] = CatalogNodes.Time(c.CreatedAt),
        ["updated_at"] = CatalogNodes.Time(c.UpdatedAt),
        ["state"] = "enabled",
        ["verified_email"] = true,
        ["tags"] = "",
    };

    public static Dictionary<string, object?> Refund(ShopOrder order, ShopRefund refund) => new()
    {
        ["id"] = refund.Id,
        ["admin_graphql_api_id"] = Gid.Of("Refund", refund.Id),
        ["order_id"] = order.Id,
        ["created_at"] = CatalogNodes.Time(refund.CreatedAt),
        ["processed_at"] = CatalogNodes.Time(refund.CreatedAt),
        ["note"] = refund.Note,
        ["restock"] = refund.Lines.Any(l => l.RestockType is "RETURN" or "CANCEL"),
        ["refund_line_items"] = refund.Lines.Select(l => new Dictionary<string, object?>
        {
            ["id"] = l.Id,
            ["line_item_id"] = l.LineItem.Id,
            ["quantity"] = l.Quantity,
            ["restock_type"] = l.RestockType.ToLowerInvariant(),
            ["location_id"] = l.Location?.Id,
            ["line_item"] = LineItem(order, l.LineItem),
        }).ToList(),
        ["transactions"] = Array.Empty<object>(),
        ["order_adjustments"] = Array.Empty<object>(),
    };

    /// <summary>
    /// The returns/* body in Shopify's shape (public captures of real deliveries): the order and the line items
    /// are nested objects with their ids; there is no top-level order_id or line_item_id.
    /// </summary>
    public static Dictionary<string, object?> Return(ShopReturn r) => new()
    {
        ["id"] = r.Id,
        ["admin_graphql_api_id"] = Gid.Of("Return", r.Id),
        ["order"] = new Dictionary<string, object?> { ["id"] = r.Order.Id, ["admin_graphql_api_id"] = Gid.Of("Order", r.Order.Id) },
        ["name"] = r.Name,
        ["status"] = r.Status.ToLowerInvariant(),
        ["created_at"] = CatalogNodes.Time(r.CreatedAt),
        ["total_return_line_items"] = r.Lines.Count,
        ["return_line_items"] = r.Lines.Select(l => new Dictionary<string, object?>
        {
            ["id"] = l.Id,
            ["admin_graphql_api_id"] = Gid.Of("ReturnLineItem", l.Id),
            ["fulfillment_line_item"] = new Dictionary<string, object?>
            {
                ["id"] = l.FulfillmentLine.Id,
                ["admin_graphql_api_id"] = Gid.Of("FulfillmentLineItem", l.FulfillmentLine.Id),
                ["line_item"] = new Dictionary<string, object?>
                {
                    ["id"] = l.FulfillmentLine.LineItem.Id, ["admin_graphql_api_id"] = Gid.Of("LineItem", l.FulfillmentLine.LineItem.Id),
                },
            },
            ["quantity"] = l.Quantity,
            ["return_reason"] = l.ReturnReason.ToLowerInvariant(),
            ["return_reason_note"] = l.ReturnReasonNote ?? "",
        }).ToList(),
        ["exchange_line_items"] = Array.Empty<object>(),
        ["return_shipping_fees"] = Array.Empty<object>(),
    };

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
