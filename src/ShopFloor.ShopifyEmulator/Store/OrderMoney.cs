namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>
/// An order's discounts and taxes, as Shopify works them out: a percentage code takes that share off every unit; a
/// fixed amount is allocated to the lines in proportion to their totals (the last line takes the rounding); free
/// shipping takes the shipping lines to zero. Each taxed line gets a tax line of its rate on the discounted price
/// (inside the price when the order's prices include tax).
/// </summary>
internal static class OrderMoney
{
    public static void Apply(ShopOrder order, OrderDraft draft)
    {
        var lines = order.LineItems;
        if (draft.Discount is { Percentage: { } percentage })
            foreach (var line in lines)
                line.DiscountPerUnit = Math.Round(line.Price * percentage / 100m, 2);
        else if (draft.Discount is { Amount: { } amount } && lines.Sum(Total) is > 0 and var total)
        {
            var left = Math.Min(amount, total);
            for (var i = 0; i < lines.Count; i++)
            {
                var share = i == lines.Count - 1 ? left : Math.Round(Math.Min(amount, total) * Total(lines[i]) / total, 2);
                lines[i].DiscountPerUnit = share / lines[i].Quantity;
                left -= share;
            }
        }
        foreach (var (line, draftLine) in lines.Zip(draft.Lines))
            foreach (var (title, rate) in draftLine.AllTaxes)
                line.TaxLines.Add(new ShopTaxLine(title, rate, Tax((line.Price - line.DiscountPerUnit) * line.Quantity, rate, order.TaxesIncluded)));
        if (draft.ShippingTaxRate is { } shippingRate)
            foreach (var shipping in order.ShippingLines)
                shipping.TaxLines.Add(new ShopTaxLine("Tax", shippingRate, Tax(shipping.Price - shipping.Discount, shippingRate, order.TaxesIncluded)));
    }

    private static decimal Total(ShopLineItem line) => line.Price * line.Quantity;

    private static decimal Tax(decimal amount, decimal rate, bool included) =>
        Math.Round(included ? amount - amount / (1 + rate) : amount * rate, 2);
}
