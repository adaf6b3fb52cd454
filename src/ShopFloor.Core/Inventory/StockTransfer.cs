using ShopFloor.Core.Common;

namespace ShopFloor.Core.Inventory;

public enum StockTransferStatus
{
    Draft,
    InTransit,
    Received,
}

/// <summary>
/// Moves stock between two locations. In transit, the goods have left the source but not reached the target;
/// any status can be set from any other and the stock follows exactly (the delta between the two states).
/// </summary>
public sealed class StockTransfer
{
    private readonly List<StockTransferRow> _rows = [];

    private StockTransfer() { }

    public StockTransfer(string number, long sourceLocationId, long targetLocationId, DateTime now)
    {
        StockTransferNumber = Guard.Required(number, "stock_transfer_number");
        if (sourceLocationId == targetLocationId)
            throw new ValidationFailedException("target_location_id", "must differ from source_location_id");
        SourceLocationId = sourceLocationId;
        TargetLocationId = targetLocationId;
        TransferDate = CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string StockTransferNumber { get; private set; } = "";
    public long SourceLocationId { get; private set; }
    public long TargetLocationId { get; private set; }
    public StockTransferStatus Status { get; private set; } = StockTransferStatus.Draft;
    public DateTime TransferDate { get; set; }
    public DateTime? ExpectedArrivalDate { get; set; }
    public string? AdditionalInfo { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public IReadOnlyList<StockTransferRow> Rows => _rows;

    /// <summary>PATCH of the header: what moves, and between where, is changed by its status or a new transfer.</summary>
    public void Change(string? number, DateTime? transferDate, DateTime? expectedArrivalDate, string? additionalInfo, DateTime now)
    {
        if (number is not null) StockTransferNumber = Guard.Required(number, "stock_transfer_number");
        if (transferDate is { } t) TransferDate = t;
        if (expectedArrivalDate is { } e) ExpectedArrivalDate = e;
        if (additionalInfo is not null) AdditionalInfo = additionalInfo;
        UpdatedAt = now;
    }

    public void AddRow(long variantId, decimal quantity)
    {
        if (Status != StockTransferStatus.Draft)
            throw new DomainException("Rows can only be added to a draft transfer.");
        Guard.Positive(quantity, $"stock_transfer_rows[{_rows.Count}].quantity");
        _rows.Add(new StockTransferRow(variantId, quantity));
    }

    /// <summary>Moves to <paramref name="status"/> and returns the stock changes that takes.</summary>
    public IReadOnlyList<StockChange> ChangeStatus(StockTransferStatus status, DateTime now)
    {
        var before = Effect(Status);
        var after = Effect(status);
        Status = status;
        UpdatedAt = now;
        return _rows.SelectMany(r => new[]
        {
            new StockChange(r.VariantId, SourceLocationId, InStock: -(after.Source - before.Source) * r.Quantity, Cause: CauseOf(r)),
            new StockChange(r.VariantId, TargetLocationId, InStock: (after.Target - before.Target) * r.Quantity, Cause: CauseOf(r)),
        }).Where(c => c.InStock != 0).ToList();
    }

    private MovementCause CauseOf(StockTransferRow row) =>
        new(MovementResourceType.StockTransferRow, row.Id, Id, StockTransferNumber);

    private static (int Source, int Target) Effect(StockTransferStatus status) => status switch
    {
        StockTransferStatus.Draft => (0, 0),
        StockTransferStatus.InTransit => (1, 0),
        _ => (1, 1),
    };
}

public sealed class StockTransferRow
{
    private StockTransferRow() { }

    internal StockTransferRow(long variantId, decimal quantity)
    {
        VariantId = variantId;
        Quantity = quantity;
    }

    public long Id { get; private set; }
    public long StockTransferId { get; private set; }
    public long VariantId { get; private set; }
    public decimal Quantity { get; private set; }
}
