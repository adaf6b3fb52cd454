using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShopFloor.WooCommerce.Client;

// The REST API v3 resources as ShopFloor reads them: only the fields it uses, named as WooCommerce names them
// (tests/ShopFloor.WooEmulator.Tests/WooFixtures holds WooCommerce's published examples).

public sealed record WooProduct(long Id, string Name, string Type, string? Sku, string? Price, bool ManageStock, int? StockQuantity, IReadOnlyList<long> Variations);

public sealed record WooVariation(long Id, string? Sku, string? Price, bool ManageStock, int? StockQuantity, IReadOnlyList<WooAttribute>? Attributes = null)
{
    /// <summary>What tells it from its siblings: its attribute options ("Blue / L").</summary>
    public string? OptionName => Attributes is { Count: > 0 } options ? string.Join(" / ", options.Select(o => o.Option)) : null;
}

public sealed record WooAttribute(string? Name, string? Option);

public sealed record WooOrder(
    long Id, string Number, string Status, string Currency, string DateModifiedGmt, WooAddress Billing, WooAddress? Shipping,
    IReadOnlyList<WooLineItem> LineItems, IReadOnlyList<WooMeta> MetaData, string? CustomerNote, IReadOnlyList<WooRefundRef>? Refunds = null,
    IReadOnlyList<WooShippingLine>? ShippingLines = null, string? DateCreatedGmt = null)
{
    /// <summary>date_modified_gmt: WooCommerce writes it without an offset; it is UTC.</summary>
    public DateTime ModifiedAt => Utc(DateModifiedGmt);

    /// <summary>date_created_gmt (UTC, like the modified date); the modified date where a body leaves it out.</summary>
    public DateTime CreatedAt => DateCreatedGmt is { Length: > 0 } created ? Utc(created) : ModifiedAt;

    private static DateTime Utc(string gmt) => DateTime.SpecifyKind(DateTime.Parse(gmt, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>The Shipment Tracking extension's entries (tracking_provider, tracking_number), where a shipping app put them.</summary>
    public IReadOnlyList<WooTracking> Tracking =>
        MetaData.Where(m => m.Key == "_wc_shipment_tracking_items" && m.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(m => m.Value.Deserialize<List<WooTracking>>(WooJson.Options) ?? []).ToList();
}

/// <summary>A registered customer: the account's name and email, and the billing details they saved.</summary>
public sealed record WooCustomer(long Id, string? Email, string? FirstName, string? LastName, WooAddress? Billing);

/// <summary>An order's billing or shipping address; email and phone are on the billing one only.</summary>
public sealed record WooAddress(
    string? FirstName, string? LastName, string? Company, string? Address1, string? Address2, string? City, string? State, string? Postcode,
    string? Country, string? Email, string? Phone)
{
    public bool IsEmpty => new[] { FirstName, LastName, Company, Address1, City, Postcode, Email }.All(string.IsNullOrWhiteSpace);
}

public sealed record WooLineItem(long Id, string Name, long ProductId, long VariationId, int Quantity, string? Sku, decimal Price)
{
    /// <summary>What was sold: the variation (0 when none), else the product.</summary>
    public long ItemId => VariationId != 0 ? VariationId : ProductId;
}

public sealed record WooMeta(string Key, JsonElement Value);

public sealed record WooShippingLine(string? MethodTitle, decimal Total);

/// <summary>A refund as the order lists it: only its id (its lines are read from orders/{id}/refunds).</summary>
public sealed record WooRefundRef(long Id);

public sealed record WooRefund(long Id, string? Reason, IReadOnlyList<WooRefundLine> LineItems);

/// <summary>A refunded line: a negative quantity, and the order line it refunds in the <c>_refunded_item_id</c> meta.</summary>
public sealed record WooRefundLine(long Id, int Quantity, IReadOnlyList<WooMeta> MetaData)
{
    public long? RefundedItemId =>
        MetaData.FirstOrDefault(m => m.Key == "_refunded_item_id")?.Value is { } value
        && long.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}

public sealed record WooTracking(string? TrackingProvider, string? TrackingNumber, string? TrackingLink);

public sealed record WooWebhook(long Id, string Topic, string Status, string DeliveryUrl);

/// <summary>One item's answer in a batch update: its id, or the error that refused it.</summary>
public sealed record WooBatchItem(long Id, WooError? Error);

public sealed record WooError(string Code, string Message);

public sealed record WooBatchResult(IReadOnlyList<WooBatchItem> Update);

public static class WooJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
