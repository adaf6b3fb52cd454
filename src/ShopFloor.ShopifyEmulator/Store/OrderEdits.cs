namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>An order edit in progress (a "calculated order"): changes are staged until committed.</summary>
public sealed class ShopOrderEdit
{
    public required long Id { get; init; }
    public required ShopOrder Order { get; init; }
    public Dictionary<long, int> NewQuantities { get; } = [];
    public Dictionary<long, bool> Restock { get; } = [];
    public List<(long Id, ShopVariant Variant, int Quantity, ShopLocation? Location)> Added { get; } = [];
}

/// <summary>A return of fulfilled goods: OPEN when created by the merchant, CLOSED once processed and closed.</summary>
public sealed class ShopReturn
{
    public required long Id { get; init; }
    public required ShopOrder Order { get; init; }
    public string Status { get; set; } = "OPEN";
    public string Name => $"{Order.Name}-R{Order.Number % 100}";
    public List<ShopReturnLine> Lines { get; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? ClosedAt { get; set; }
}

public sealed class ShopReturnLine
{
    public required long Id { get; init; }
    public required ShopFulfillmentLine FulfillmentLine { get; init; }
    public required int Quantity { get; set; }
    public string ReturnReason { get; init; } = "UNKNOWN";
    public string? ReturnReasonNote { get; init; }
    public int ProcessedQuantity { get; set; }

    /// <summary>What processing did with each returned unit: RESTOCKED (at a location) or NOT_RESTOCKED.</summary>
    public List<(string Type, int Quantity, ShopLocation? Location)> Dispositions { get; } = [];
}
