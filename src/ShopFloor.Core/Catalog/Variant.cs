using ShopFloor.Core.Common;

namespace ShopFloor.Core.Catalog;

/// <summary>
/// R-CAT-1: the unit stock is kept in. Its SKU (the variant code) matches Shopify; SKUs need not be
/// unique, and where several variants share one the most recently created is used for sync.
/// </summary>
public sealed class Variant
{
    private Variant() { }

    internal Variant(Item item, string? sku, DateTime now)
    {
        Item = item;
        Sku = string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long ItemId { get; private set; }
    public Item Item { get; private set; } = null!;
    public string? Sku { get; set; }
    public string? Name { get; set; }
    public decimal? SalesPrice { get; private set; }
    public decimal? PurchasePrice { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void SetPrices(decimal? salesPrice, decimal? purchasePrice)
    {
        SalesPrice = Guard.NotNegative(salesPrice, "sales_price");
        PurchasePrice = Guard.NotNegative(purchasePrice, "purchase_price");
    }

    public void Touch(DateTime now) => UpdatedAt = now;
}
