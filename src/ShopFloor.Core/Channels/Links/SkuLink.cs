using ShopFloor.Core.Channels.SyncLog;

namespace ShopFloor.Core.Channels.Links;

/// <summary>
/// R-IMP-2 for every channel: one item a store sells and the ShopFloor variant it syncs with, matched by SKU
/// (<see cref="SkuMatch"/>). The store's ids are kept as the store writes them: a Shopify variant and its product
/// (GIDs), a WooCommerce variation or simple product and its product. Every import, the order intake and the stock
/// push rely on it.
/// </summary>
public sealed class SkuLink
{
    private SkuLink() { }

    public SkuLink(ChannelStore store, string storeProductId, string storeItemId, DateTime now)
    {
        Channel = store.Channel;
        StoreId = store.Id;
        StoreProductId = storeProductId;
        StoreItemId = storeItemId;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string Channel { get; private set; } = "";
    public long StoreId { get; private set; }

    /// <summary>The store's product the item belongs to (for a simple WooCommerce product, the item itself).</summary>
    public string StoreProductId { get; set; } = "";

    /// <summary>What the store sells and counts: a Shopify variant, a WooCommerce variation or simple product.</summary>
    public string StoreItemId { get; private set; } = "";

    /// <summary>Where the store keeps the item's stock when that is another object (Shopify's inventory item).</summary>
    public string? StoreStockItemId { get; set; }

    public string Sku { get; set; } = "";
    public long VariantId { get; private set; }

    /// <summary>The stock last sent for a channel that remembers it here, so an unchanged level is not sent again.</summary>
    public int? PushedQuantity { get; set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }

    public ChannelStore Store => new(Channel, StoreId);

    /// <summary>Links the item to a (new) ShopFloor variant; what was sent for the old one no longer counts.</summary>
    public void LinkTo(long variantId, string sku, DateTime now)
    {
        if (VariantId != variantId)
            PushedQuantity = null;
        (VariantId, Sku, UpdatedAt) = (variantId, sku, now);
    }
}
