using System.Globalization;
using ShopFloor.Core.Channels.Links;

namespace ShopFloor.WooCommerce.Mapping;

/// <summary>
/// WooCommerce's ids in a <see cref="SkuLink"/>: the product, and the item that holds the stock — a variation, or a
/// simple product itself. Products and variations share WordPress's post ids, so a link is a variation's when the
/// two differ.
/// </summary>
public static class WooLinkIds
{
    public static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static long WooProductId(this SkuLink link) => long.Parse(link.StoreProductId, CultureInfo.InvariantCulture);

    /// <summary>The id the stock is written to: the variation's, or the simple product's.</summary>
    public static long WooItemId(this SkuLink link) => long.Parse(link.StoreItemId, CultureInfo.InvariantCulture);

    public static bool IsVariation(this SkuLink link) => link.StoreItemId != link.StoreProductId;
}
