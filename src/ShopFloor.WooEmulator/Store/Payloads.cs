using System.Globalization;
using System.Text.Json.Nodes;
using ShopFloor.WooEmulator.Webhooks;

namespace ShopFloor.WooEmulator.Store;

/// <summary>
/// The REST API's JSON for each resource, field for field as WooCommerce's documentation shows it
/// (tests/ShopFloor.WooEmulator.Tests/WooFixtures): what a client reads and what a webhook carries alike.
/// </summary>
public static class Payloads
{
    public static JsonObject Product(WooStore store, WooProduct p) => new()
    {
        ["id"] = p.Id, ["name"] = p.Name, ["slug"] = Slug(p.Name), ["permalink"] = $"{store.Url}/product/{Slug(p.Name)}/",
        ["date_created"] = Local(p.CreatedAt), ["date_created_gmt"] = Gmt(p.CreatedAt), ["date_modified"] = Local(p.ModifiedAt), ["date_modified_gmt"] = Gmt(p.ModifiedAt),
        ["type"] = p.Type, ["status"] = "publish", ["featured"] = false, ["catalog_visibility"] = "visible", ["description"] = "", ["short_description"] = "",
        ["sku"] = p.Sku, ["price"] = Money(p.Price), ["regular_price"] = Money(p.Price), ["sale_price"] = "",
        ["date_on_sale_from"] = null, ["date_on_sale_from_gmt"] = null, ["date_on_sale_to"] = null, ["date_on_sale_to_gmt"] = null,
        ["price_html"] = $"<span class=\"woocommerce-Price-amount amount\">{Money(p.Price)}</span>", ["on_sale"] = false, ["purchasable"] = true, ["total_sales"] = 0,
        ["virtual"] = false, ["downloadable"] = false, ["downloads"] = new JsonArray(), ["download_limit"] = -1, ["download_expiry"] = -1,
        ["external_url"] = "", ["button_text"] = "", ["tax_status"] = "taxable", ["tax_class"] = "",
        ["manage_stock"] = p.ManageStock, ["stock_quantity"] = p.ManageStock ? p.StockQuantity : null, ["stock_status"] = StockStatus(p.ManageStock, p.StockQuantity),
        ["backorders"] = "no", ["backorders_allowed"] = false, ["backordered"] = false, ["sold_individually"] = false, ["weight"] = "",
        ["dimensions"] = Dimensions(), ["shipping_required"] = true, ["shipping_taxable"] = true, ["shipping_class"] = "", ["shipping_class_id"] = 0,
        ["reviews_allowed"] = true, ["average_rating"] = "0.00", ["rating_count"] = 0, ["related_ids"] = new JsonArray(), ["upsell_ids"] = new JsonArray(),
        ["cross_sell_ids"] = new JsonArray(), ["parent_id"] = 0, ["purchase_note"] = "", ["categories"] = new JsonArray(), ["tags"] = new JsonArray(),
        ["images"] = new JsonArray(), ["attributes"] = new JsonArray(), ["default_attributes"] = new JsonArray(),
        ["variations"] = new JsonArray([.. p.Variations.Select(v => JsonValue.Create(v.Id))]), ["grouped_products"] = new JsonArray(), ["menu_order"] = 0,
        ["meta_data"] = new JsonArray(), ["_links"] = Links(store, $"products/{p.Id}", "products"),
    };

    public static JsonObject Variation(WooStore store, WooVariation v) => new()
    {
        ["id"] = v.Id, ["date_created"] = Local(v.CreatedAt), ["date_created_gmt"] = Gmt(v.CreatedAt), ["date_modified"] = Local(v.ModifiedAt),
        ["date_modified_gmt"] = Gmt(v.ModifiedAt), ["description"] = v.Description, ["permalink"] = $"{store.Url}/product/{Slug(v.Parent.Name)}/?variation={v.Id}",
        ["sku"] = v.Sku, ["price"] = Money(v.Price), ["regular_price"] = Money(v.Price), ["sale_price"] = "",
        ["date_on_sale_from"] = null, ["date_on_sale_from_gmt"] = null, ["date_on_sale_to"] = null, ["date_on_sale_to_gmt"] = null,
        ["on_sale"] = false, ["status"] = "publish", ["purchasable"] = true, ["virtual"] = false, ["downloadable"] = false, ["downloads"] = new JsonArray(),
        ["download_limit"] = -1, ["download_expiry"] = -1, ["tax_status"] = "taxable", ["tax_class"] = "",
        ["manage_stock"] = v.ManageStock, ["stock_quantity"] = v.ManageStock ? v.StockQuantity : null, ["stock_status"] = StockStatus(v.ManageStock, v.StockQuantity),
        ["backorders"] = "no", ["backorders_allowed"] = false, ["backordered"] = false, ["weight"] = "", ["dimensions"] = Dimensions(),
        ["shipping_class"] = "", ["shipping_class_id"] = 0, ["image"] = new JsonObject(), ["attributes"] = new JsonArray(new JsonObject { ["id"] = 0, ["name"] = "Option", ["option"] = v.Description }), ["menu_order"] = 0,
        ["meta_data"] = new JsonArray(), ["_links"] = Links(store, $"products/{v.Parent.Id}/variations/{v.Id}", $"products/{v.Parent.Id}/variations"),
    };

    public static JsonObject Order(WooStore store, WooOrder o) => new()
    {
        ["id"] = o.Id, ["parent_id"] = 0, ["number"] = Id(o.Id), ["order_key"] = $"wc_order_{o.Id:x}", ["created_via"] = "checkout", ["version"] = "9.4.0",
        ["status"] = o.Status, ["currency"] = o.Currency, ["date_created"] = Local(o.CreatedAt), ["date_created_gmt"] = Gmt(o.CreatedAt),
        ["date_modified"] = Local(o.ModifiedAt), ["date_modified_gmt"] = Gmt(o.ModifiedAt), ["discount_total"] = "0.00", ["discount_tax"] = "0.00",
        ["shipping_total"] = Money(o.ShippingTotal), ["shipping_tax"] = "0.00", ["cart_tax"] = "0.00", ["total"] = Money(o.Total), ["total_tax"] = "0.00",
        ["prices_include_tax"] = false, ["customer_id"] = o.CustomerId, ["customer_ip_address"] = "", ["customer_user_agent"] = "", ["customer_note"] = o.CustomerNote,
        ["billing"] = Address(o.Billing, withContact: true), ["shipping"] = Address(o.Billing, withContact: false),
        ["payment_method"] = "bacs", ["payment_method_title"] = "Direct Bank Transfer", ["transaction_id"] = "",
        ["date_paid"] = o.PaidAt is { } paid ? Local(paid) : null, ["date_paid_gmt"] = o.PaidAt is { } paidGmt ? Gmt(paidGmt) : null,
        ["date_completed"] = o.CompletedAt is { } done ? Local(done) : null, ["date_completed_gmt"] = o.CompletedAt is { } doneGmt ? Gmt(doneGmt) : null,
        ["cart_hash"] = "", ["meta_data"] = TrackingMeta(o),
        ["line_items"] = new JsonArray([.. o.LineItems.Select(l => (JsonNode)new JsonObject
        {
            ["id"] = l.Id, ["name"] = l.Name, ["product_id"] = l.Product.Id, ["variation_id"] = l.Variation?.Id ?? 0, ["quantity"] = l.Quantity,
            ["tax_class"] = "", ["subtotal"] = Money(l.Price * l.Quantity), ["subtotal_tax"] = "0.00", ["total"] = Money(l.Price * l.Quantity), ["total_tax"] = "0.00",
            ["taxes"] = new JsonArray(), ["meta_data"] = new JsonArray(), ["sku"] = l.Sku, ["price"] = l.Price,
        })]),
        ["tax_lines"] = new JsonArray(),
        ["shipping_lines"] = o.ShippingTotal == 0 ? new JsonArray() : new JsonArray(new JsonObject
        {
            ["id"] = o.Id * 10, ["method_title"] = "Flat Rate", ["method_id"] = "flat_rate", ["total"] = Money(o.ShippingTotal), ["total_tax"] = "0.00",
            ["taxes"] = new JsonArray(), ["meta_data"] = new JsonArray(),
        }),
        ["fee_lines"] = new JsonArray(), ["coupon_lines"] = new JsonArray(),
        ["refunds"] = new JsonArray([.. o.Refunds.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["reason"] = r.Reason, ["total"] = Money(-r.Amount) })]),
        ["_links"] = Links(store, $"orders/{o.Id}", "orders"),
    };

    public static JsonObject Refund(WooStore store, WooOrder o, WooRefund r) => new()
    {
        ["id"] = r.Id, ["date_created"] = Local(r.At), ["date_created_gmt"] = Gmt(r.At), ["amount"] = Money(r.Amount), ["reason"] = r.Reason,
        ["refunded_by"] = 1, ["refunded_payment"] = false, ["meta_data"] = new JsonArray(),
        ["line_items"] = new JsonArray([.. r.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["id"] = l.Id, ["name"] = l.Item.Name, ["product_id"] = l.Item.Product.Id, ["variation_id"] = l.Item.Variation?.Id ?? 0, ["quantity"] = -l.Quantity,
            ["tax_class"] = "", ["subtotal"] = Money(-l.Item.Price * l.Quantity), ["subtotal_tax"] = "0.00", ["total"] = Money(-l.Item.Price * l.Quantity),
            ["total_tax"] = "0.00", ["taxes"] = new JsonArray(),
            ["meta_data"] = new JsonArray { new JsonObject { ["id"] = l.Id * 10, ["key"] = "_refunded_item_id", ["value"] = Id(l.Item.Id) } },
            ["sku"] = l.Item.Sku, ["price"] = -l.Item.Price,
        })]),
        ["_links"] = Links(store, $"orders/{o.Id}/refunds/{r.Id}", $"orders/{o.Id}/refunds"),
    };

    public static JsonObject Customer(WooStore store, WooCustomer c) => new()
    {
        ["id"] = c.Id, ["date_created"] = Local(c.CreatedAt), ["date_created_gmt"] = Gmt(c.CreatedAt), ["date_modified"] = Local(c.ModifiedAt),
        ["date_modified_gmt"] = Gmt(c.ModifiedAt), ["email"] = c.Email, ["first_name"] = c.FirstName, ["last_name"] = c.LastName, ["role"] = "customer",
        ["username"] = c.Username,
        ["billing"] = new JsonObject
        {
            ["first_name"] = c.FirstName, ["last_name"] = c.LastName, ["company"] = "", ["address_1"] = "", ["address_2"] = "", ["city"] = "", ["state"] = "",
            ["postcode"] = "", ["country"] = "", ["email"] = c.Email, ["phone"] = c.Phone,
        },
        ["shipping"] = new JsonObject
        {
            ["first_name"] = c.FirstName, ["last_name"] = c.LastName, ["company"] = "", ["address_1"] = "", ["address_2"] = "", ["city"] = "", ["state"] = "",
            ["postcode"] = "", ["country"] = "",
        },
        ["is_paying_customer"] = false, ["avatar_url"] = "https://secure.gravatar.com/avatar/?s=96", ["meta_data"] = new JsonArray(),
        ["_links"] = Links(store, $"customers/{c.Id}", "customers"),
    };

    public static JsonObject Webhook(WooStore store, WooWebhook w) => new()
    {
        ["id"] = w.Id, ["name"] = w.Name, ["status"] = w.Status, ["topic"] = w.Topic, ["resource"] = w.Resource, ["event"] = w.Event,
        ["hooks"] = new JsonArray([.. Hooks(w.Topic).Select(h => JsonValue.Create(h))]), ["delivery_url"] = w.DeliveryUrl,
        ["date_created"] = Local(w.CreatedAt), ["date_created_gmt"] = Gmt(w.CreatedAt), ["date_modified"] = Local(w.ModifiedAt), ["date_modified_gmt"] = Gmt(w.ModifiedAt),
        ["_links"] = Links(store, $"webhooks/{w.Id}", "webhooks"),
    };

    /// <summary>The Shipment Tracking extension's meta data on the order: where a shipping app puts the tracking number.</summary>
    private static JsonArray TrackingMeta(WooOrder o) => o.Tracking.Count == 0 ? [] : new JsonArray(new JsonObject
    {
        ["id"] = o.Id * 100, ["key"] = "_wc_shipment_tracking_items",
        ["value"] = new JsonArray([.. o.Tracking.Select(t => (JsonNode)new JsonObject { ["tracking_provider"] = t.Provider, ["tracking_number"] = t.Number })]),
    });

    private static string[] Hooks(string topic) => topic switch
    {
        "order.created" => ["woocommerce_new_order"],
        "order.updated" => ["woocommerce_update_order"],
        "order.deleted" => ["wp_trash_post"],
        "product.updated" => ["woocommerce_update_product", "woocommerce_process_product_meta"],
        _ => [],
    };

    private static JsonObject Address(WooAddress a, bool withContact)
    {
        var address = new JsonObject
        {
            ["first_name"] = a.FirstName, ["last_name"] = a.LastName, ["company"] = "", ["address_1"] = a.Address1, ["address_2"] = "",
            ["city"] = a.City, ["state"] = "", ["postcode"] = a.Postcode, ["country"] = a.Country,
        };
        if (withContact)
            (address["email"], address["phone"]) = (a.Email, "");
        return address;
    }

    private static JsonObject Dimensions() => new() { ["length"] = "", ["width"] = "", ["height"] = "" };

    private static JsonObject Links(WooStore store, string self, string collection) => new()
    {
        ["self"] = new JsonArray(new JsonObject { ["href"] = $"{store.Url}/wp-json/wc/v3/{self}" }),
        ["collection"] = new JsonArray(new JsonObject { ["href"] = $"{store.Url}/wp-json/wc/v3/{collection}" }),
    };

    private static string StockStatus(bool manage, int? quantity) => !manage || quantity > 0 ? "instock" : "outofstock";

    private static string Slug(string name) => string.Join('-', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    // The emulated site's timezone is UTC, so local and GMT dates agree (both without an offset, as WooCommerce writes them).
    private static string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    private static string Gmt(DateTime at) => Local(at);
}
