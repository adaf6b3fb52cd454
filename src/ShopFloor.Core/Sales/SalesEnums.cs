namespace ShopFloor.Core.Sales;

/// <summary>R-SO-1: Katana's delivery statuses, plus a cancelled order.</summary>
public enum SalesOrderStatus
{
    Pending,
    NotShipped,
    PartiallyPacked,
    Packed,
    PartiallyDelivered,
    Delivered,
    Cancelled,
}

public enum SalesRowKind
{
    Product,
    Custom,
    ShippingFee,
}

/// <summary>R-SO-3: what a row can count on.</summary>
public enum RowAvailability
{
    InStock,
    Expected,
    Picked,
    NotAvailable,
    NotApplicable,
}

public enum FulfillmentStatus
{
    Packed,
    Delivered,
}
