using System.Linq.Expressions;

namespace ShopFloor.Core.Sales;

/// <summary>
/// The two lists every screen and the API show: open orders (still to ship) and done ones (delivered or cancelled).
/// Defined here once, as queries, so the Sell screen, the API's <c>list</c> filter and the domain agree.
/// </summary>
public static class SalesOrderLists
{
    public static readonly Expression<Func<SalesOrder, bool>> Open =
        o => o.Status != SalesOrderStatus.Delivered && o.Status != SalesOrderStatus.Cancelled;

    public static readonly Expression<Func<SalesOrder, bool>> Done =
        o => o.Status == SalesOrderStatus.Delivered || o.Status == SalesOrderStatus.Cancelled;

    public static bool IsOpen(SalesOrderStatus status) => status is not (SalesOrderStatus.Delivered or SalesOrderStatus.Cancelled);
}

/// <summary>Where a sales order came from: the words the API's <c>source</c> field and filter use.</summary>
public static class SalesOrderSource
{
    public const string Manual = "manual";
    public const string Shopify = "shopify";
    public const string WooCommerce = "woocommerce";
}
