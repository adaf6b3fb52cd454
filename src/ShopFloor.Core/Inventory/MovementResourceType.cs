namespace ShopFloor.Core.Inventory;

/// <summary>What caused an inventory movement; the names are Katana's.</summary>
public enum MovementResourceType
{
    StockAdjustmentRow,
    StockTransferRow,
    SalesOrderRow,
    SalesReturnRow,
    ManufacturingOrder,
    ManufacturingOrderRecipeRow,
    Production,
    ProductionIngredient,
    PurchaseOrderRow,
    SystemGenerated,
}
