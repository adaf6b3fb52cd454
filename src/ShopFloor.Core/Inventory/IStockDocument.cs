namespace ShopFloor.Core.Inventory;

/// <summary>A document whose current state has a stock footprint (see <see cref="StockFootprint"/>).</summary>
public interface IStockDocument
{
    IEnumerable<StockChange> Footprint();
}
