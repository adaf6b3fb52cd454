using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;

namespace ShopFloor.Core.Inventory;

public enum StocktakeStatus
{
    NotStarted,
    InProgress,
    Counted,
    Completed,
}

/// <summary>
/// A count of what is really on the shelves at one location. Completing it corrects stock to the counts through one
/// stock adjustment (R-ADJ-1), so the ledger explains the correction; a completed stocktake is history and stays as it is.
/// </summary>
public sealed class Stocktake
{
    private readonly List<StocktakeRow> _rows = [];

    private Stocktake() { }

    public Stocktake(string number, long locationId, DateTime createdDate, DateTime now)
    {
        StocktakeNumber = Guard.Required(number, "stocktake_number");
        LocationId = locationId;
        StocktakeCreatedDate = createdDate;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string StocktakeNumber { get; private set; } = "";
    public long LocationId { get; private set; }
    public StocktakeStatus Status { get; private set; } = StocktakeStatus.NotStarted;
    public DateTime StocktakeCreatedDate { get; private set; }
    public DateTime? StartedDate { get; private set; }
    public DateTime? CompletedDate { get; private set; }

    /// <summary>On completion, a row nobody counted is taken as counted at what the system holds (no correction).</summary>
    public bool SetRemainingItemsAsCounted { get; private set; }

    public long? StockAdjustmentId { get; private set; }
    public string? Reason { get; private set; }
    public string? AdditionalInfo { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public IReadOnlyList<StocktakeRow> Rows => _rows;

    public void Change(string? number, long? locationId, string? reason, string? additionalInfo, DateTime? createdDate, bool? setRemaining, DateTime now)
    {
        EnsureOpen();
        if (number is not null) StocktakeNumber = Guard.Required(number, "stocktake_number");
        if (locationId is { } location && location != LocationId)
        {
            if (_rows.Count > 0)
                throw new DomainException($"Stocktake {Id} has counted rows at its location; remove them before moving it elsewhere.");
            LocationId = location;
        }
        if (reason is not null) Reason = reason;
        if (additionalInfo is not null) AdditionalInfo = additionalInfo;
        if (createdDate is { } created) StocktakeCreatedDate = created;
        if (setRemaining is { } remaining) SetRemainingItemsAsCounted = remaining;
        UpdatedAt = now;
    }

    public StocktakeRow AddRow(long variantId, decimal inStock, decimal? counted, string? notes, DateTime now)
    {
        EnsureOpen();
        if (_rows.Any(r => r.VariantId == variantId))
            throw new ValidationFailedException("variant_id", $"variant {variantId} is on stocktake {Id} already; change its row instead");
        var row = new StocktakeRow(variantId, inStock, Counted(counted), notes, now);
        _rows.Add(row);
        UpdatedAt = now;
        return row;
    }

    public StocktakeRow ChangeRow(long rowId, decimal? counted, string? notes, DateTime now)
    {
        EnsureOpen();
        var row = RowOrThrow(rowId);
        if (counted is not null) row.CountedQuantity = Counted(counted);
        if (notes is not null) row.Notes = notes;
        row.UpdatedAt = UpdatedAt = now;
        return row;
    }

    public StocktakeRow RemoveRow(long rowId, DateTime now)
    {
        EnsureOpen();
        var row = RowOrThrow(rowId);
        _rows.Remove(row);
        UpdatedAt = now;
        return row;
    }

    /// <summary>NOT_STARTED, IN_PROGRESS or COUNTED; completing goes through <see cref="Complete"/>.</summary>
    public void MoveTo(StocktakeStatus status, DateTime now)
    {
        EnsureOpen();
        if (status == StocktakeStatus.Completed)
            throw new InvalidOperationException("A stocktake is completed with its counts.");
        if (status != StocktakeStatus.NotStarted)
            StartedDate ??= now;
        Status = status;
        UpdatedAt = now;
    }

    /// <summary>
    /// Closes the count against what is in stock now and returns the corrections: counted minus in stock, per
    /// variant, for every counted row that differs.
    /// </summary>
    public IReadOnlyList<(long VariantId, decimal Quantity)> Complete(IReadOnlyDictionary<long, decimal> inStockNow, DateTime now)
    {
        EnsureOpen();
        var corrections = new List<(long, decimal)>();
        foreach (var row in _rows)
        {
            row.InStockQuantity = inStockNow.GetValueOrDefault(row.VariantId);
            if (row.CountedQuantity is null && SetRemainingItemsAsCounted)
                row.CountedQuantity = row.InStockQuantity;
            if (row.Discrepancy is { } difference and not 0)
                corrections.Add((row.VariantId, difference));
        }
        StartedDate ??= now;
        CompletedDate = now;
        Status = StocktakeStatus.Completed;
        UpdatedAt = now;
        return corrections;
    }

    public void Corrected(long stockAdjustmentId) => StockAdjustmentId = stockAdjustmentId;

    private void EnsureOpen()
    {
        if (Status == StocktakeStatus.Completed)
            throw new DomainException($"Stocktake {Id} is completed; its counts corrected stock already. Start a new stocktake to count again.");
    }

    private StocktakeRow RowOrThrow(long rowId) =>
        _rows.FirstOrDefault(r => r.Id == rowId) ?? throw new NotFoundException("Stocktake row", rowId);

    private static decimal? Counted(decimal? counted) => counted is { } c ? Guard.NotNegative(c, "counted_quantity") : null;
}

public sealed class StocktakeRow
{
    private StocktakeRow() { }

    internal StocktakeRow(long variantId, decimal inStock, decimal? counted, string? notes, DateTime now)
    {
        VariantId = variantId;
        InStockQuantity = inStock;
        CountedQuantity = counted;
        Notes = notes;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long StocktakeId { get; private set; }
    public long VariantId { get; private set; }

    /// <summary>What the system held when the row was added, and when the stocktake completed.</summary>
    public decimal InStockQuantity { get; internal set; }

    public decimal? CountedQuantity { get; internal set; }
    public string? Notes { get; internal set; }
    public decimal? Discrepancy => CountedQuantity - InStockQuantity;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; internal set; }
}

internal sealed class StocktakeConfiguration : IEntityTypeConfiguration<Stocktake>
{
    public void Configure(EntityTypeBuilder<Stocktake> stocktake)
    {
        stocktake.ToTable("stocktakes");
        stocktake.Property(s => s.StocktakeNumber).HasMaxLength(100);
        stocktake.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        stocktake.HasOne<StockAdjustment>().WithMany().HasForeignKey(s => s.StockAdjustmentId).OnDelete(DeleteBehavior.SetNull);
        stocktake.HasMany(s => s.Rows).WithOne().HasForeignKey(r => r.StocktakeId).OnDelete(DeleteBehavior.Cascade);
        stocktake.Navigation(s => s.Rows).HasField("_rows").AutoInclude();
    }
}

internal sealed class StocktakeRowConfiguration : IEntityTypeConfiguration<StocktakeRow>
{
    public void Configure(EntityTypeBuilder<StocktakeRow> row)
    {
        row.ToTable("stocktake_rows");
        row.Ignore(r => r.Discrepancy);
        row.Property(r => r.Notes).HasMaxLength(540);
        row.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
    }
}
