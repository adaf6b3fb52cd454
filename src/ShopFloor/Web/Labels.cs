using ShopFloor.Core.Buying;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Making;
using ShopFloor.Core.Sales;

namespace ShopFloor.Web;

/// <summary>What the web app calls things: words a maker uses, never enum or type names.</summary>
public static class Labels
{
    public static string Of(ManufacturingStatus status) => status switch
    {
        ManufacturingStatus.NotStarted => "Not started",
        ManufacturingStatus.Blocked => "Blocked",
        ManufacturingStatus.InProgress => "In progress",
        _ => "Done",
    };

    public static string Of(PurchaseOrderStatus status) => status switch
    {
        PurchaseOrderStatus.NotReceived => "Not received",
        PurchaseOrderStatus.PartiallyReceived => "Partly received",
        _ => "Received",
    };

    public static string Of(SalesOrderStatus status) => status switch
    {
        SalesOrderStatus.Pending => "Pending",
        SalesOrderStatus.NotShipped => "Not shipped",
        SalesOrderStatus.PartiallyPacked => "Partly packed",
        SalesOrderStatus.Packed => "Packed",
        SalesOrderStatus.PartiallyDelivered => "Partly delivered",
        SalesOrderStatus.Delivered => "Delivered",
        _ => "Cancelled",
    };

    /// <summary>A movement's cause in words: "Sales order #1004 delivered", "Stock adjustment SA-…".</summary>
    public static string Cause(MovementResourceType type, string? documentNo, decimal change) => type switch
    {
        MovementResourceType.StockAdjustmentRow => $"Stock adjustment {documentNo}",
        MovementResourceType.StockTransferRow => change < 0 ? $"Transfer {documentNo} sent" : $"Transfer {documentNo} received",
        MovementResourceType.SalesOrderRow => change < 0 ? $"Sales order {documentNo} packed or delivered" : $"Sales order {documentNo} un-packed or reverted",
        MovementResourceType.SalesReturnRow => $"Return {documentNo} restocked",
        MovementResourceType.ManufacturingOrder or MovementResourceType.Production => change > 0 ? $"Made in {documentNo}" : $"Production of {documentNo} reverted",
        MovementResourceType.ManufacturingOrderRecipeRow or MovementResourceType.ProductionIngredient => change < 0 ? $"Used in {documentNo}" : $"Given back by {documentNo}",
        MovementResourceType.PurchaseOrderRow => change > 0 ? $"Purchase order {documentNo} received" : $"Purchase order {documentNo} receipt reverted",
        _ => "Set by ShopFloor",
    };
}
