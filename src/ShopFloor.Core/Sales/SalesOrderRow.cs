using ShopFloor.Core.Common;

namespace ShopFloor.Core.Sales;

/// <summary>
/// One line of a sales order: a variant (stock-tracked or a service), a custom row without a variant, or the
/// shipping fee. <see cref="Packed"/> and <see cref="Delivered"/> are kept from the order's fulfillments.
/// </summary>
public sealed class SalesOrderRow
{
    private SalesOrderRow() { }

    internal SalesOrderRow(SalesRowKind kind, long? variantId, bool tracksStock, decimal quantity, decimal pricePerUnit, long locationId, int index)
    {
        if (kind == SalesRowKind.Product && variantId is null)
            throw new ValidationFailedException($"sales_order_rows[{index}].variant_id", "is required for a product row");
        Kind = kind;
        VariantId = variantId;
        TracksStock = tracksStock && kind == SalesRowKind.Product;
        Quantity = Guard.Positive(quantity, $"sales_order_rows[{index}].quantity");
        PricePerUnit = Guard.NotNegative(pricePerUnit, $"sales_order_rows[{index}].price_per_unit") ?? 0;
        LocationId = locationId;
        Availability = TracksStock ? RowAvailability.NotAvailable : RowAvailability.NotApplicable;
    }

    public long Id { get; private set; }
    public long SalesOrderId { get; private set; }
    public SalesOrder Order { get; private set; } = null!;
    public SalesRowKind Kind { get; private set; }
    public long? VariantId { get; private set; }
    public string? Description { get; set; }
    public decimal Quantity { get; private set; }
    public decimal PricePerUnit { get; set; }
    public decimal? TaxRate { get; set; }

    /// <summary>The named tax rate the percentage came from, when a script chose one.</summary>
    public long? TaxRateId { get; set; }
    public long LocationId { get; internal set; }
    public bool TracksStock { get; private set; }
    public decimal Packed { get; internal set; }
    public decimal Delivered { get; internal set; }
    public RowAvailability Availability { get; internal set; }
    /// <summary>The order line in the store the row came from (a Shopify line item, a WooCommerce line item id).</summary>
    public string? StoreLineItemId { get; set; }

    /// <summary>What the buyer asked for on this line (a personalisation, an engraving): Shopify's line-item properties.</summary>
    public List<RowProperty> Properties { get; set; } = [];

    /// <summary>Covered by a linked, unfinished make-to-order manufacturing order (R-MO-1): shown as expected.</summary>
    public long? LinkedManufacturingOrderId { get; internal set; }

    public bool ExpectedFromManufacturing { get; internal set; }

    public void LinkManufacturing(long? manufacturingOrderId, bool stillExpected)
    {
        LinkedManufacturingOrderId = manufacturingOrderId;
        ExpectedFromManufacturing = manufacturingOrderId is not null && stillExpected;
    }

    /// <summary>Ordered but neither packed nor delivered yet.</summary>
    public decimal Open => Quantity - Packed - Delivered;

    public bool IsFulfillable => Kind != SalesRowKind.ShippingFee;

    public void ChangeQuantity(decimal quantity)
    {
        Guard.Positive(quantity, "quantity");
        if (quantity < Packed + Delivered)
            throw new DomainException($"Row {Id} has {Packed + Delivered} packed or delivered; its quantity cannot go below that.");
        Quantity = quantity;
    }
}
