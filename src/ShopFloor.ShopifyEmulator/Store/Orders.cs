namespace ShopFloor.ShopifyEmulator.Store;

public sealed class ShopCustomer
{
    public required long Id { get; init; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ShopOrder
{
    public required long Id { get; init; }
    public required int Number { get; init; }
    public string Name => $"#{Number}";
    public string? Email { get; set; }
    public string? Note { get; set; }
    public string Currency { get; set; } = "USD";

    /// <summary>pending, authorized, partially_paid, paid, partially_refunded, refunded, voided.</summary>
    public string FinancialStatus { get; set; } = "paid";

    public bool TaxesIncluded { get; set; }
    public ShopCustomer? Customer { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public List<ShopLineItem> LineItems { get; } = [];
    public List<ShopShippingLine> ShippingLines { get; } = [];
    public List<ShopFulfillmentOrder> FulfillmentOrders { get; } = [];
    public List<ShopFulfillment> Fulfillments { get; } = [];
    public List<ShopRefund> Refunds { get; } = [];
    public List<string> Tags { get; } = [];
    public ShopAddress? ShippingAddress { get; set; }
    public ShopAddress? BillingAddress { get; set; }
    public string? DiscountCode { get; set; }

    public int FulfilledQuantity(ShopLineItem item) =>
        Fulfillments.SelectMany(f => f.LineItems).Where(l => l.LineItem == item).Sum(l => l.Quantity);

    public ShopFulfillmentLine? FulfillmentLine(long id) => Fulfillments.SelectMany(f => f.LineItems).FirstOrDefault(l => l.Id == id);

    /// <summary>null, partial or fulfilled, as the REST payload says it.</summary>
    public string? FulfillmentStatus
    {
        get
        {
            var shipped = LineItems.Sum(FulfilledQuantity);
            var ordered = LineItems.Where(i => i.RequiresShipping).Sum(i => i.CurrentQuantity);
            return shipped == 0 ? null : shipped >= ordered ? "fulfilled" : "partial";
        }
    }
}

public sealed class ShopLineItem
{
    public required long Id { get; init; }
    public ShopVariant? Variant { get; init; }
    public required string Title { get; init; }
    public string? Sku { get; init; }
    public required int Quantity { get; init; }
    public int CurrentQuantity { get; set; }
    public int RefundedQuantity { get; set; }
    public required decimal Price { get; init; }
    public bool RequiresShipping { get; init; } = true;
    public bool Taxable { get; init; } = true;

    /// <summary>What the order's discounts took off one unit (line and order-level allocations together).</summary>
    public decimal DiscountPerUnit { get; set; }
    public List<ShopTaxLine> TaxLines { get; } = [];
    public List<(string Key, string Value)> Properties { get; } = [];
}

/// <summary>One tax on a line: its rate as a fraction (0.2 is 20 %), as Shopify's TaxLine.rate.</summary>
public sealed record ShopTaxLine(string Title, decimal Rate, decimal Amount);

public sealed record ShopAddress(string? Name, string? Address1, string? Address2, string? City, string? ProvinceCode, string? Zip, string? CountryCode, string? Phone);

public sealed record ShopRefund(long Id, string? Note, DateTime CreatedAt, IReadOnlyList<ShopRefundLine> Lines);

/// <summary>RETURN restocks shipped goods, CANCEL removes unshipped ones (and frees their stock), NO_RESTOCK moves only money.</summary>
public sealed record ShopRefundLine(long Id, ShopLineItem LineItem, int Quantity, string RestockType, ShopLocation? Location);

public sealed class ShopShippingLine
{
    public required long Id { get; init; }
    public required string Title { get; init; }
    public required decimal Price { get; init; }
    public decimal Discount { get; set; }
    public List<ShopTaxLine> TaxLines { get; } = [];
}

/// <summary>What one location must ship of an order; fulfillments always name these.</summary>
public sealed class ShopFulfillmentOrder
{
    public required long Id { get; init; }
    public required ShopOrder Order { get; init; }
    public required ShopLocation Location { get; init; }

    /// <summary>OPEN, IN_PROGRESS, CLOSED, CANCELLED, ON_HOLD.</summary>
    public string Status { get; set; } = "OPEN";

    public List<ShopFulfillmentOrderLine> LineItems { get; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ShopFulfillmentOrderLine
{
    public required long Id { get; init; }
    public required ShopLineItem LineItem { get; init; }
    public required int TotalQuantity { get; set; }
    public required int RemainingQuantity { get; set; }
}

public sealed class ShopFulfillment
{
    public required long Id { get; init; }
    public required ShopOrder Order { get; init; }
    public required ShopLocation Location { get; init; }
    public string? TrackingCompany { get; init; }
    public string? TrackingNumber { get; init; }
    public string? TrackingUrl { get; init; }
    public List<ShopFulfillmentLine> LineItems { get; } = [];
    public DateTime CreatedAt { get; init; }
}

public sealed record ShopFulfillmentLine(long Id, ShopLineItem LineItem, int Quantity);
