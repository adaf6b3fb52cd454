namespace ShopFloor.WooCommerce.Mapping;

/// <summary>
/// A ShopFloor variant sold in a WooCommerce store, matched by SKU: a simple product, or a variation of a variable
/// product (<see cref="WooVariationId"/> then set). <see cref="PushedQuantity"/> is the stock last sent, so an
/// unchanged level is not sent again.
/// </summary>
public sealed class WooProductLink
{
    private WooProductLink() { }

    public WooProductLink(long storeId, long variantId, long wooProductId, long? wooVariationId, string sku)
    {
        StoreId = storeId;
        VariantId = variantId;
        WooProductId = wooProductId;
        WooVariationId = wooVariationId;
        Sku = sku;
    }

    public long Id { get; private set; }
    public long StoreId { get; private set; }
    public long VariantId { get; private set; }
    public long WooProductId { get; private set; }
    public long? WooVariationId { get; private set; }
    public string Sku { get; private set; } = "";
    public int? PushedQuantity { get; set; }

    public void MoveTo(long variantId, long wooProductId, long? wooVariationId)
    {
        (VariantId, WooProductId, WooVariationId) = (variantId, wooProductId, wooVariationId);
        PushedQuantity = null;
    }
}
