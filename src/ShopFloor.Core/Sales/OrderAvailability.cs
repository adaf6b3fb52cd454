namespace ShopFloor.Core.Sales;

/// <summary>R-SO-3: an order's sales-items availability, from its rows': the worst of them.</summary>
public static class OrderAvailability
{
    public static RowAvailability Of(IEnumerable<RowAvailability> rows)
    {
        var all = rows.Where(r => r != RowAvailability.NotApplicable).ToList();
        return all.Count == 0 ? RowAvailability.NotApplicable
            : all.Contains(RowAvailability.NotAvailable) ? RowAvailability.NotAvailable
            : all.Contains(RowAvailability.Expected) ? RowAvailability.Expected
            : all.All(r => r == RowAvailability.Picked) ? RowAvailability.Picked
            : RowAvailability.InStock;
    }
}
