using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Sales;

namespace ShopFloor.Core.Making;

public sealed record CreateManufacturingOrder(string? OrderNo, long VariantId, long LocationId, decimal PlannedQuantity, string? AdditionalInfo);

/// <summary>The fields a manufacturing order's PATCH may change; null leaves a field as it is.</summary>
public sealed record UpdateManufacturingOrder(ManufacturingStatus? Status, decimal? PlannedQuantity, string? AdditionalInfo);

/// <summary>Manufacturing-order use cases (R-MO-1), each one transaction applying the footprint difference.</summary>
public sealed class ManufacturingOrders(ShopFloorDbContext db, StockLedger ledger, SalesAvailability availability, TimeProvider clock)
    : IMakeToOrderLinks
{
    public Task<ManufacturingOrder> CreateAsync(CreateManufacturingOrder command, CancellationToken ct) =>
        db.InTransactionAsync(token => CreateCoreAsync(command, token), ct);

    /// <summary>Makes what a sales row needs and links the two; the row then counts as expected.</summary>
    public Task<ManufacturingOrder> MakeToOrderAsync(long salesOrderRowId, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var row = await LockRowsOrderAsync(salesOrderRowId, token);
        if (row is not { TracksStock: true, VariantId: { } variantId })
            throw new ValidationFailedException("sales_order_row_id", "only rows of stock-tracked products can be made to order");
        if (row.LinkedManufacturingOrderId is not null)
            throw new DomainException($"Sales order row {row.Id} already has a manufacturing order.");
        if (row.Open <= 0)
            throw new DomainException($"Sales order row {row.Id} has nothing left to make.");
        var order = await CreateCoreAsync(new CreateManufacturingOrder(null, variantId, row.LocationId, row.Open, null), token);
        order.LinkTo(row.SalesOrderId, row.Id);
        row.LinkManufacturing(order.Id, stillExpected: true);
        await availability.RecomputeAsync([new StockKey(variantId, row.LocationId)], token);
        await db.SaveChangesAsync(token);
        return order;
    }, ct);

    public Task<ManufacturingOrder> UnlinkAsync(long salesOrderRowId, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var row = await LockRowsOrderAsync(salesOrderRowId, token);
        var order = row.LinkedManufacturingOrderId is { } id ? await LoadForChangeAsync(id, token)
            : throw new DomainException($"Sales order row {row.Id} has no linked manufacturing order.");
        order.Unlink(flag: false);
        row.LinkManufacturing(null, false);
        await availability.RecomputeAsync([new StockKey(row.VariantId!.Value, row.LocationId)], token);
        await db.SaveChangesAsync(token);
        return order;
    }, ct);

    /// <summary>A not-started order takes its product's current recipe; its reserved ingredients follow.</summary>
    public async Task<ManufacturingOrder> RefreshRecipeAsync(long id, CancellationToken ct)
    {
        var variantId = await db.Set<ManufacturingOrder>().Where(o => o.Id == id).Select(o => (long?)o.VariantId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Manufacturing order", id);
        var recipe = await db.BomRows.Where(r => r.ProductVariantId == variantId).OrderBy(r => r.Rank)
            .Select(r => new { r.IngredientVariantId, r.Quantity }).ToListAsync(ct);
        return await ChangeAsync(id, (order, now) => order.RefreshRecipe(recipe.Select(r => (r.IngredientVariantId, r.Quantity)), now), ct);
    }

    public Task<ManufacturingOrder> SetStatusAsync(long id, ManufacturingStatus status, CancellationToken ct) =>
        ChangeAsync(id, (order, now) => order.SetStatus(status, now), ct);

    public Task<ManufacturingOrder> UpdateAsync(long id, UpdateManufacturingOrder command, CancellationToken ct) =>
        ChangeAsync(id, (order, now) =>
        {
            if (command.PlannedQuantity is { } planned)
                order.ChangePlannedQuantity(planned);
            if (command.AdditionalInfo is not null)
                order.AdditionalInfo = command.AdditionalInfo;
            if (command.Status is { } status)
                order.SetStatus(status, now);
        }, ct);

    /// <summary>A workshop may make more than planned, as in Katana; the order is then done and used what it made.</summary>
    public Task<ManufacturingOrder> ProduceAsync(long id, decimal quantity, CancellationToken ct) =>
        ChangeAsync(id, (order, now) => order.Produce(quantity, completion: false, now), ct);

    public async Task<ManufacturingOrder> DeleteProductionAsync(long productionId, CancellationToken ct)
    {
        var orderId = await db.Set<Production>().Where(p => p.Id == productionId).Select(p => (long?)p.ManufacturingOrderId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Production", productionId);
        return await ChangeAsync(orderId, (order, now) => order.RemoveProduction(order.Productions.First(p => p.Id == productionId), now), ct);
    }

    public async Task<RecipeRowSnapshot> AddRecipeRowAsync(long orderId, long variantId, decimal quantityPerUnit, string? notes, CancellationToken ct)
    {
        RecipeRowSnapshot row = null!;
        await ChangeAsync(orderId, async (order, now, token) =>
        {
            await ledger.ValidateAsync([variantId], [order.LocationId], token);
            row = order.AddRecipeRow(variantId, quantityPerUnit, notes, now);
        }, ct);
        return row;
    }

    public async Task<RecipeRowSnapshot> ChangeRecipeRowAsync(long rowId, long? variantId, decimal? quantityPerUnit, string? notes, CancellationToken ct)
    {
        RecipeRowSnapshot row = null!;
        await ChangeAsync(await OrderOfRecipeRowAsync(rowId, ct), async (order, now, token) =>
        {
            if (variantId is { } variant)
                await ledger.ValidateAsync([variant], [order.LocationId], token);
            row = order.ChangeRecipeRow(rowId, variantId, quantityPerUnit, notes, now);
        }, ct);
        return row;
    }

    public async Task DeleteRecipeRowAsync(long rowId, CancellationToken ct) =>
        await ChangeAsync(await OrderOfRecipeRowAsync(rowId, ct), (order, now) => db.Remove(order.RemoveRecipeRow(rowId, now)), ct);

    public async Task<Production> ChangeProductionDateAsync(long productionId, DateTime date, CancellationToken ct)
    {
        var orderId = await db.Set<Production>().Where(p => p.Id == productionId).Select(p => (long?)p.ManufacturingOrderId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Production", productionId);
        var order = await ChangeAsync(orderId, (order, now) => order.ChangeProductionDate(productionId, date, now), ct);
        return order.Productions.First(p => p.Id == productionId);
    }

    private async Task<long> OrderOfRecipeRowAsync(long rowId, CancellationToken ct) =>
        await db.Set<RecipeRowSnapshot>().Where(r => r.Id == rowId).Select(r => (long?)r.ManufacturingOrderId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Manufacturing order recipe row", rowId);

    public Task DeleteAsync(long id, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var order = await LoadForChangeAsync(id, token);
        if (order.Status == ManufacturingStatus.Done)
            throw new DomainException($"Manufacturing order {order.OrderNo} is done; set it back to IN_PROGRESS first.");
        await RemoveAsync(order, token);
        return true;
    }, ct);

    /// <summary>A sales row, read after its order is locked: two Make clicks on one row make one MO.</summary>
    private async Task<SalesOrderRow> LockRowsOrderAsync(long salesOrderRowId, CancellationToken ct)
    {
        var orderId = await db.Set<SalesOrderRow>().Where(r => r.Id == salesOrderRowId).Select(r => (long?)r.SalesOrderId).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("sales_order_row_id", $"sales order row {salesOrderRowId} does not exist");
        await db.LockAsync<SalesOrder>(orderId, ct);
        return await db.Set<SalesOrderRow>().Include(r => r.Order).FirstAsync(r => r.Id == salesOrderRowId, ct);
    }

    private async Task<ManufacturingOrder> LoadForChangeAsync(long id, CancellationToken ct)
    {
        await db.LockAsync<ManufacturingOrder>(id, ct);
        return await LoadAsync(id, ct);
    }

    public async Task<ManufacturingOrder> LoadAsync(long id, CancellationToken ct) =>
        await db.Set<ManufacturingOrder>().Include(o => o.Recipe).Include(o => o.Productions).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct)
        ?? throw new NotFoundException("Manufacturing order", id);

    async Task IMakeToOrderLinks.RowQuantityChangedAsync(SalesOrderRow row, CancellationToken ct)
    {
        var order = await LoadForChangeAsync(row.LinkedManufacturingOrderId!.Value, ct);
        if (order.IsStarted)
        {
            Unflag(order, row);
            return;
        }
        await ledger.ChangeAsync(order, () => order.ChangePlannedQuantity(row.Open), ct);
    }

    async Task IMakeToOrderLinks.RowRemovedAsync(SalesOrderRow row, CancellationToken ct)
    {
        var order = await LoadForChangeAsync(row.LinkedManufacturingOrderId!.Value, ct);
        if (order.IsStarted)
            Unflag(order, row);
        else
        {
            row.LinkManufacturing(null, false);
            await RemoveAsync(order, ct);
        }
    }

    async Task IMakeToOrderLinks.AssembleShortKitsAsync(SalesOrder salesOrder, IReadOnlyDictionary<StockKey, decimal> leaving, CancellationToken ct)
    {
        var variantIds = leaving.Keys.Select(k => k.VariantId).Distinct().ToList();
        var kits = await db.Variants.Where(v => variantIds.Contains(v.Id) && v.Item.IsKit && db.BomRows.Any(r => r.ProductVariantId == v.Id))
            .Select(v => v.Id).ToListAsync(ct);
        foreach (var key in leaving.Keys.Where(k => kits.Contains(k.VariantId)))
        {
            var inStock = await db.StockLevels.AsNoTracking().Where(l => l.VariantId == key.VariantId && l.LocationId == key.LocationId)
                .Select(l => l.InStock).FirstOrDefaultAsync(ct);
            var missing = Math.Min(leaving[key], -inStock);
            if (missing <= 0)
                continue;
            var assembly = await CreateCoreAsync(new CreateManufacturingOrder(null, key.VariantId, key.LocationId, missing,
                $"Assembled for sales order {salesOrder.OrderNo}"), ct);
            await ledger.ChangeAsync(assembly, () => assembly.SetStatus(ManufacturingStatus.Done, clock.GetUtcNow().UtcDateTime), ct);
        }
    }

    private static void Unflag(ManufacturingOrder order, SalesOrderRow row)
    {
        order.Unlink(flag: true);
        row.LinkManufacturing(null, false);
    }

    private async Task RemoveAsync(ManufacturingOrder order, CancellationToken ct)
    {
        var before = order.Footprint().ToList();
        db.Remove(order);
        await db.SaveChangesAsync(ct);
        await ledger.ApplyAsync(StockFootprint.Diff(before, []), ct);
    }

    private async Task<ManufacturingOrder> CreateCoreAsync(CreateManufacturingOrder command, CancellationToken ct)
    {
        var variant = await db.Variants.Where(v => v.Id == command.VariantId).Select(v => new { v.Item.Kind }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("variant_id", $"variant {command.VariantId} does not exist");
        if (variant.Kind != ItemKind.Product)
            throw new ValidationFailedException("variant_id", "only products can be manufactured");
        if (!await db.Locations.AnyAsync(l => l.Id == command.LocationId, ct))
            throw new ValidationFailedException("location_id", $"location {command.LocationId} does not exist");
        var recipe = await db.BomRows.Where(r => r.ProductVariantId == command.VariantId).OrderBy(r => r.Rank)
            .Select(r => new { r.IngredientVariantId, r.Quantity }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = new ManufacturingOrder(command.OrderNo ?? await db.NextNumberAsync("MO", t => db.Set<ManufacturingOrder>().LongCountAsync(t),
                (no, t) => db.Set<ManufacturingOrder>().AnyAsync(o => o.OrderNo == no, t), ct), command.VariantId, command.LocationId,
            command.PlannedQuantity, recipe.Select(r => (r.IngredientVariantId, r.Quantity)), now)
        {
            AdditionalInfo = command.AdditionalInfo,
        };
        db.Add(order);
        await ledger.AddAsync(order, ct);
        return order;
    }

    private Task<ManufacturingOrder> ChangeAsync(long id, Action<ManufacturingOrder, DateTime> change, CancellationToken ct) =>
        ChangeAsync(id, (order, now, _) =>
        {
            change(order, now);
            return Task.CompletedTask;
        }, ct);

    private Task<ManufacturingOrder> ChangeAsync(long id, Func<ManufacturingOrder, DateTime, CancellationToken, Task> change, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            var order = await LoadForChangeAsync(id, token);
            await ledger.ChangeAsync(order, () => change(order, clock.GetUtcNow().UtcDateTime, token), token);
            await FollowLinkedRowAsync(order, token);
            return order;
        }, ct);

    /// <summary>Once a make-to-order MO is done its output is on the shelf, and the row is allotted from stock.</summary>
    private async Task FollowLinkedRowAsync(ManufacturingOrder order, CancellationToken ct)
    {
        if (order.SalesOrderRowId is not { } rowId)
            return;
        var row = await db.Set<SalesOrderRow>().Include(r => r.Order).FirstAsync(r => r.Id == rowId, ct);
        row.LinkManufacturing(order.Id, stillExpected: order.Status != ManufacturingStatus.Done);
        await availability.RecomputeAsync([new StockKey(order.VariantId, row.LocationId)], ct);
        await db.SaveChangesAsync(ct);
    }
}
