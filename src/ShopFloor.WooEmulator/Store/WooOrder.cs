namespace ShopFloor.WooEmulator.Store;

/// <summary>WooCommerce's order statuses (the REST API's <c>status</c> values).</summary>
public static class OrderStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string OnHold = "on-hold";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Refunded = "refunded";
    public const string Failed = "failed";

    /// <summary>Deleted without force: kept, readable by id, left out of "any".</summary>
    public const string Trash = "trash";

    public static readonly string[] All = [Pending, Processing, OnHold, Completed, Cancelled, Refunded, Failed, Trash];

    /// <summary>WooCommerce reduces stock when an order reaches one of these (payment received or awaited by hand).</summary>
    public static bool HoldsStock(string status) => status is Processing or OnHold or Completed;
}

public sealed record WooAddress(string FirstName, string LastName, string Email, string Address1 = "", string City = "", string Postcode = "", string Country = "");

public sealed class WooLineItem(long id, WooProduct product, WooVariation? variation, int quantity, decimal price)
{
    public long Id { get; } = id;
    public WooProduct Product { get; } = product;
    public WooVariation? Variation { get; } = variation;
    public int Quantity { get; set; } = quantity;
    public decimal Price { get; } = price;
    public string Sku => Variation?.Sku ?? Product.Sku;
    public string Name => Variation is null ? Product.Name : $"{Product.Name} - {Variation.Description}";
}

/// <summary>A refunded line: its own id, the order line it refunds (the <c>_refunded_item_id</c> meta) and how many.</summary>
public sealed record WooRefundLine(long Id, WooLineItem Item, int Quantity);

public sealed record WooRefund(long Id, decimal Amount, string Reason, IReadOnlyList<WooRefundLine> Lines, DateTime At);

public sealed class WooOrder(long id, DateTime now)
{
    public long Id { get; } = id;
    public string Status { get; set; } = OrderStatus.Pending;
    public string Currency { get; set; } = "USD";
    public long CustomerId { get; set; }
    public string CustomerNote { get; set; } = "";
    public WooAddress Billing { get; set; } = new("", "", "");
    public List<WooLineItem> LineItems { get; } = [];
    public decimal ShippingTotal { get; set; }
    public List<WooRefund> Refunds { get; } = [];

    /// <summary>Whether this order's stock has been taken (WooCommerce's <c>_order_stock_reduced</c>).</summary>
    public bool StockReduced { get; set; }

    /// <summary>Shipment tracking, as the Shipment Tracking extension adds it to the order's meta data.</summary>
    public List<(string Provider, string Number)> Tracking { get; } = [];

    public DateTime CreatedAt { get; } = now;
    public DateTime ModifiedAt { get; set; } = now;
    public DateTime? PaidAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public decimal Total => LineItems.Sum(l => l.Price * l.Quantity) + ShippingTotal;
}
