namespace ShopFloor.Shopify;

/// <summary>How Shopify's prices become ShopFloor's, for products (the import) and sales-order rows (the order sync) alike.</summary>
public static class ShopifyPrices
{
    /// <summary>R-CFG-3: with tax-inclusive prices the price net of tax is Shopify's price ÷ (1 + rate).</summary>
    public static decimal Net(decimal price, bool taxesIncluded, decimal? ratePercent) =>
        taxesIncluded && ratePercent is { } rate and > 0 ? Math.Round(price / (1 + rate / 100m), 6) : price;
}
