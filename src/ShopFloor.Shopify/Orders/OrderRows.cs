using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify.Orders;

/// <summary>
/// R-SYNC-1, R-CFG-3: sales rows for Shopify line items. Rows match by the SKU mapping, then by SKU (case-sensitive);
/// an unknown SKU creates the product (and its mapping, so its stock syncs). Custom items become custom rows or
/// products per the store's settings. A row's price is what a unit sold for after every discount, its tax rate the
/// line's own (Shopify's tax lines; the default rate where there are none); tax-inclusive prices are divided by
/// (1 + that rate). Each row ships from the ShopFloor location mapped to its fulfillment order's Shopify location.
/// </summary>
public sealed class OrderRows(ShopFloorDbContext db, TimeProvider clock)
{
    public async Task<Dictionary<string, long>> LocationMapAsync(long storeId, CancellationToken ct) =>
        await db.Set<ShopifyLocation>().Where(l => l.StoreId == storeId && l.LocationId != null)
            .ToDictionaryAsync(l => l.ShopifyLocationId, l => l.LocationId!.Value, ct);

    /// <summary>Where the order ships from: its first fulfillment order's mapped location.</summary>
    public static long? OrderLocation(ShopifyOrder order, IReadOnlyDictionary<string, long> locations) =>
        order.FulfillmentOrders.Where(f => f.Status != "CANCELLED").Select(f => locations.TryGetValue(f.LocationId, out var id) ? id : (long?)null)
            .FirstOrDefault(id => id is not null)
        ?? locations.Values.Order().Cast<long?>().FirstOrDefault();

    public async Task<List<SalesRowInput>> ForLinesAsync(ShopifyStore store, ShopifyOrder order, IEnumerable<ShopifyLineItem> lines,
        IReadOnlyDictionary<string, long> locations, CancellationToken ct)
    {
        var settings = store.Settings;
        var rows = new List<SalesRowInput>();
        foreach (var line in lines.Where(l => l.CurrentQuantity > 0))
        {
            long? location = null;
            if (order.LocationOf(line.Id) is { } shopifyLocation)
                location = locations.TryGetValue(shopifyLocation, out var mapped) ? mapped
                    : throw new SyncNeedsActionException($"Order {order.Name} ships from Shopify location {shopifyLocation}, which is not mapped to a ShopFloor location.");
            // The row sells at what the buyer paid for a unit, after every discount, taxed at the line's own rate.
            var rate = line.TaxRatePercent ?? settings.OrdersDefaultTaxRate;
            var price = ShopifyPrices.Net(line.DiscountedPrice, order.TaxesIncluded, rate);
            var properties = (line.Properties ?? []).Select(p => new RowProperty(p.Name, p.Value)).ToList();
            if (line.IsCustom && !settings.CustomItemsAsProducts)
            {
                rows.Add(new SalesRowInput(null, line.CurrentQuantity, price, rate, line.Title, location, SalesRowKind.Custom, line.Id, properties));
                continue;
            }
            var variantId = await VariantForAsync(store, line, order.TaxesIncluded, ct);
            rows.Add(new SalesRowInput(variantId, line.CurrentQuantity, price, rate, line.Title, location, SalesRowKind.Product, line.Id, properties));
        }
        return rows;
    }

    public static SalesRowInput? ShippingRow(ShopifyStore store, ShopifyOrder order)
    {
        if (!store.Settings.ShippingFeeRow || order.ShippingLines.Count == 0)
            return null;
        var total = order.ShippingLines.Sum(s => s.DiscountedPrice);
        var rate = order.ShippingLines.Select(s => s.TaxRatePercent).FirstOrDefault(r => r is not null) ?? store.Settings.OrdersDefaultTaxRate;
        return new SalesRowInput(null, 1, ShopifyPrices.Net(total, order.TaxesIncluded, rate), rate,
            string.Join(", ", order.ShippingLines.Select(s => s.Title)), null, SalesRowKind.ShippingFee);
    }

    /// <summary>The order's shipping and billing addresses, in Katana's sales order address fields.</summary>
    public static List<SalesOrderAddress> Addresses(ShopifyOrder order) =>
        new[] { ("shipping", order.ShippingAddress), ("billing", order.BillingAddress) }
            .Where(a => a.Item2 is not null)
            .Select(a => new SalesOrderAddress(a.Item1, a.Item2!.FirstName, a.Item2.LastName, a.Item2.Company, a.Item2.Phone, a.Item2.Address1,
                a.Item2.Address2, a.Item2.City, a.Item2.Province, a.Item2.Zip, a.Item2.Country))
            .ToList();

    private async Task<long> VariantForAsync(ShopifyStore store, ShopifyLineItem line, bool taxesIncluded, CancellationToken ct)
    {
        if (line.VariantId is { } shopifyVariant
            && await db.LinksOf(ShopifyChannel.Store(store.Id)).Where(m => m.StoreItemId == shopifyVariant).Select(m => (long?)m.VariantId).FirstOrDefaultAsync(ct) is { } mapped)
            return mapped;
        var sku = line.Sku;
        var now = clock.GetUtcNow().UtcDateTime;
        Variant? variant = null;
        if (sku is not null)
            variant = (await SkuMatch.NewestBySkuAsync(db, [sku], ct)).TryGetValue(sku, out var newest) ? await db.Variants.FirstAsync(v => v.Id == newest, ct) : null;
        else
            variant = await db.Variants.Where(v => v.Sku == null && v.Item.Name == line.Title && v.Item.Kind == ItemKind.Product).FirstOrDefaultAsync(ct);
        if (variant is null)
        {
            var physical = line.Tracked || line.RequiresShipping;
            var item = new Item(!physical && store.Settings.ImportNonPhysicalAsServices ? ItemKind.Service : ItemKind.Product, line.Title, now)
            {
                IsSellable = true,
            };
            variant = item.AddVariant(sku, now);
            variant.SetPrices(ShopifyPrices.Net(line.Price, taxesIncluded, store.Settings.ProductsDefaultTaxRate), null);
            db.Items.Add(item);
            await db.SaveChangesAsync(ct);
        }
        if (sku is not null && line.VariantId is not null && line.InventoryItemId is not null)
        {
            // The product is not in the order: the product sync names it when the product next changes.
            var link = new SkuLink(ShopifyChannel.Store(store.Id), "", line.VariantId, now) { StoreStockItemId = line.InventoryItemId };
            link.LinkTo(variant.Id, sku, now);
            db.Add(link);
            await db.SaveChangesAsync(ct);
        }
        return variant.Id;
    }
}
