using ShopFloor.Core.Common;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Making;

/// <summary>NOT_STARTED, IN_PROGRESS and DONE are kept; BLOCKED is how a not-started order with missing ingredients reads.</summary>
public enum ManufacturingStatus
{
    NotStarted,
    Blocked,
    InProgress,
    Done,
}

/// <summary>
/// R-MO-1: makes a quantity of a product variant at a location from a snapshot of its recipe. While open it
/// commits its ingredients and expects its output; each production consumes ingredients and adds output.
/// </summary>
public sealed class ManufacturingOrder : IStockDocument
{
    private readonly List<RecipeRowSnapshot> _recipe = [];
    private readonly List<Production> _productions = [];

    private ManufacturingOrder() { }

    public ManufacturingOrder(string orderNo, long variantId, long locationId, decimal quantity, IEnumerable<(long Variant, decimal PerUnit)> recipe, DateTime now)
    {
        OrderNo = Guard.Required(orderNo, "order_no");
        VariantId = variantId;
        LocationId = locationId;
        PlannedQuantity = Guard.Positive(quantity, "planned_quantity");
        _recipe.AddRange(recipe.Select(r => new RecipeRowSnapshot(r.Variant, r.PerUnit, null, now)));
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string OrderNo { get; private set; } = "";
    public long VariantId { get; private set; }
    public long LocationId { get; private set; }
    public decimal PlannedQuantity { get; private set; }
    public ManufacturingStatus Status { get; private set; } = ManufacturingStatus.NotStarted;
    public long? SalesOrderRowId { get; private set; }
    public long? SalesOrderId { get; private set; }

    /// <summary>Was made to order, but its sales row changed or went away after work had started: now make-to-stock.</summary>
    public bool UnlinkedFromSalesOrder { get; private set; }

    public string? AdditionalInfo { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public IReadOnlyList<RecipeRowSnapshot> Recipe => _recipe;
    public IReadOnlyList<Production> Productions => _productions;

    public decimal ProducedQuantity => _productions.Sum(p => p.Quantity);
    public decimal Remaining => Math.Max(0, PlannedQuantity - ProducedQuantity);
    public bool IsStarted => Status != ManufacturingStatus.NotStarted || _productions.Count > 0;

    public void LinkTo(long salesOrderId, long salesOrderRowId)
    {
        SalesOrderId = salesOrderId;
        SalesOrderRowId = salesOrderRowId;
        UnlinkedFromSalesOrder = false;
    }

    public void Unlink(bool flag)
    {
        SalesOrderId = null;
        SalesOrderRowId = null;
        UnlinkedFromSalesOrder = flag;
    }

    public void ChangePlannedQuantity(decimal quantity)
    {
        if (Status == ManufacturingStatus.Done)
            throw new DomainException($"Manufacturing order {OrderNo} is done.");
        PlannedQuantity = Guard.Positive(quantity, "planned_quantity");
    }

    public Production Produce(decimal quantity, bool completion, DateTime now)
    {
        if (Status == ManufacturingStatus.Done)
            throw new DomainException($"Manufacturing order {OrderNo} is already done.");
        if (_recipe.Count == 0)
            throw new DomainException($"Manufacturing order {OrderNo} has no recipe: add ingredients to the product's recipe (bom_rows) and create the order again.");
        Guard.Positive(quantity, "quantity");
        var production = new Production(quantity, completion, now);
        _productions.Add(production);
        Status = ProducedQuantity >= PlannedQuantity ? ManufacturingStatus.Done : ManufacturingStatus.InProgress;
        Touch(now);
        return production;
    }

    public void RemoveProduction(Production production, DateTime now)
    {
        _productions.Remove(production);
        Status = _productions.Count == 0 ? ManufacturingStatus.NotStarted : ManufacturingStatus.InProgress;
        Touch(now);
    }

    /// <summary>Takes the product's recipe as it is now; only before anything is produced, since productions used the old one.</summary>
    public void RefreshRecipe(IEnumerable<(long Variant, decimal PerUnit)> recipe, DateTime now)
    {
        if (IsStarted)
            throw new DomainException($"Manufacturing order {OrderNo} has started; it keeps the recipe it started with.");
        _recipe.Clear();
        _recipe.AddRange(recipe.Select(r => new RecipeRowSnapshot(r.Variant, r.PerUnit, null, now)));
        Touch(now);
    }

    /// <summary>An ingredient added to this order only (Katana's manufacturing_order_recipe_rows); the product's recipe stays.</summary>
    public RecipeRowSnapshot AddRecipeRow(long variantId, decimal quantityPerUnit, string? notes, DateTime now)
    {
        EnsureRecipeOpen();
        var row = new RecipeRowSnapshot(variantId, Guard.Positive(quantityPerUnit, "planned_quantity_per_unit"), notes, now);
        _recipe.Add(row);
        Touch(now);
        return row;
    }

    /// <summary>Notes change at any time; the ingredient and its quantity only before the first production, which used them.</summary>
    public RecipeRowSnapshot ChangeRecipeRow(long rowId, long? variantId, decimal? quantityPerUnit, string? notes, DateTime now)
    {
        var row = RecipeRowOrThrow(rowId);
        if ((variantId is { } v && v != row.VariantId) || (quantityPerUnit is { } q && q != row.QuantityPerUnit))
        {
            EnsureRecipeOpen();
            row.VariantId = variantId ?? row.VariantId;
            row.QuantityPerUnit = Guard.Positive(quantityPerUnit ?? row.QuantityPerUnit, "planned_quantity_per_unit");
        }
        if (notes is not null)
            row.Notes = notes;
        row.UpdatedAt = now;
        Touch(now);
        return row;
    }

    public RecipeRowSnapshot RemoveRecipeRow(long rowId, DateTime now)
    {
        EnsureRecipeOpen();
        var row = RecipeRowOrThrow(rowId);
        _recipe.Remove(row);
        Touch(now);
        return row;
    }

    public Production ChangeProductionDate(long productionId, DateTime date, DateTime now)
    {
        var production = _productions.FirstOrDefault(p => p.Id == productionId) ?? throw new NotFoundException("Production", productionId);
        production.ProductionDate = date;
        production.UpdatedAt = now;
        Touch(now);
        return production;
    }

    private void EnsureRecipeOpen()
    {
        if (IsStarted)
            throw new DomainException($"Manufacturing order {OrderNo} has started; its ingredients are what its productions used. Change them before the first production.");
    }

    private RecipeRowSnapshot RecipeRowOrThrow(long rowId) =>
        _recipe.FirstOrDefault(r => r.Id == rowId) ?? throw new NotFoundException("Manufacturing order recipe row", rowId);

    /// <summary>DONE produces what remains; leaving DONE takes that completion back. NOT_STARTED and IN_PROGRESS are free to set.</summary>
    public void SetStatus(ManufacturingStatus status, DateTime now)
    {
        if (status == Status)
            return;
        if (status == ManufacturingStatus.Blocked)
            throw new ValidationFailedException("status", "BLOCKED follows from missing ingredients and cannot be set");
        if (status == ManufacturingStatus.Done)
        {
            Produce(Remaining > 0 ? Remaining : throw new DomainException("Nothing remains to produce."), completion: true, now);
            return;
        }
        if (Status == ManufacturingStatus.Done)
            foreach (var completion in _productions.Where(p => p.IsCompletion).ToList())
                _productions.Remove(completion);
        if (status == ManufacturingStatus.NotStarted && _productions.Count > 0)
            throw new DomainException($"Manufacturing order {OrderNo} has productions; delete them to set it back to NOT_STARTED.");
        Status = status;
        DoneAt = null;
        Touch(now);
    }

    /// <summary>Output and consumption of every production; commitments and expected output while open.</summary>
    public IEnumerable<StockChange> Footprint()
    {
        foreach (var production in _productions)
        {
            yield return new StockChange(VariantId, LocationId, InStock: production.Quantity,
                Cause: new MovementCause(MovementResourceType.Production, production.Id, Id, OrderNo));
            foreach (var row in _recipe)
                yield return new StockChange(row.VariantId, LocationId, InStock: -row.QuantityPerUnit * production.Quantity,
                    Cause: new MovementCause(MovementResourceType.ProductionIngredient, production.Id, Id, OrderNo));
        }
        if (Status == ManufacturingStatus.Done)
            yield break;
        yield return new StockChange(VariantId, LocationId, Expected: Remaining);
        foreach (var row in _recipe)
            yield return new StockChange(row.VariantId, LocationId, Committed: row.QuantityPerUnit * Remaining);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        DoneAt = Status == ManufacturingStatus.Done ? now : null;
    }
}

public sealed class RecipeRowSnapshot
{
    private RecipeRowSnapshot() { }

    internal RecipeRowSnapshot(long variantId, decimal quantityPerUnit, string? notes, DateTime now)
    {
        VariantId = variantId;
        QuantityPerUnit = quantityPerUnit;
        Notes = notes;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long ManufacturingOrderId { get; private set; }
    public long VariantId { get; internal set; }
    public decimal QuantityPerUnit { get; internal set; }
    public string? Notes { get; internal set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; internal set; }
}

public sealed class Production
{
    private Production() { }

    internal Production(decimal quantity, bool isCompletion, DateTime now)
    {
        Quantity = quantity;
        IsCompletion = isCompletion;
        CreatedAt = UpdatedAt = ProductionDate = now;
    }

    public long Id { get; private set; }
    public long ManufacturingOrderId { get; private set; }
    public decimal Quantity { get; private set; }
    public bool IsCompletion { get; private set; }

    /// <summary>When the goods were made; recorded as the production is entered, and correctable afterwards.</summary>
    public DateTime ProductionDate { get; internal set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; internal set; }
}
