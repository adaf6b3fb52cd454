using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Making;

namespace ShopFloor.Making;

public sealed record CreateManufacturingOrderRequest(string? OrderNo, long? VariantId, long? LocationId, decimal? PlannedQuantity, string? AdditionalInfo);

public sealed record UpdateManufacturingOrderRequest(string? Status, decimal? PlannedQuantity, string? AdditionalInfo);

/// <summary>Katana names the quantity <c>completed_quantity</c>; <c>quantity</c>, ShopFloor's first name for it, still works.</summary>
public sealed record ProductionRequest(long? ManufacturingOrderId, decimal? CompletedQuantity, decimal? Quantity);

public sealed record MakeToOrderRequest(long? SalesOrderRowId);

public sealed record RecipeRowResponse(long VariantId, decimal QuantityPerUnit, decimal TotalQuantity);

public sealed record ProductionResponse(long Id, decimal Quantity, DateTime CreatedAt);

public sealed record ManufacturingOrderResponse(
    long Id, string OrderNo, long VariantId, long LocationId, string Status, decimal PlannedQuantity, decimal ActualQuantity,
    long? SalesOrderId, long? SalesOrderRowId, bool IsUnlinkedFromSalesOrder, string? AdditionalInfo, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? DoneDate, IReadOnlyList<RecipeRowResponse> RecipeRows, IReadOnlyList<ProductionResponse> Productions)
{
    public static ManufacturingOrderResponse From(ManufacturingOrder o, bool blocked) => new(
        o.Id, o.OrderNo, o.VariantId, o.LocationId, EnumNames.Upper(blocked ? ManufacturingStatus.Blocked : o.Status), o.PlannedQuantity,
        o.ProducedQuantity, o.SalesOrderId, o.SalesOrderRowId, o.UnlinkedFromSalesOrder, o.AdditionalInfo, o.CreatedAt, o.UpdatedAt, o.DoneAt,
        o.Recipe.Select(r => new RecipeRowResponse(r.VariantId, r.QuantityPerUnit, r.QuantityPerUnit * o.PlannedQuantity)).ToList(),
        o.Productions.Select(p => new ProductionResponse(p.Id, p.Quantity, p.CreatedAt)).ToList());
}

/// <summary>/v1/manufacturing_orders and their productions and make-to-order links (R-MO-1).</summary>
public static class ManufacturingOrdersApi
{
    public static void MapManufacturingOrders(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/manufacturing_orders").WithTags("Manufacturing orders");
        group.MapGet("", ListAsync);
        group.MapGet("/{id:long}", async (long id, ManufacturingOrders making, ShopFloorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await ResponseAsync(db, await making.LoadAsync(id, ct), ct)));
        group.MapPost("", async (CreateManufacturingOrderRequest request, ManufacturingOrders making, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var order = await making.CreateAsync(new CreateManufacturingOrder(request.OrderNo,
                request.VariantId ?? throw new ValidationFailedException("variant_id", "is required"),
                request.LocationId ?? throw new ValidationFailedException("location_id", "is required"),
                request.PlannedQuantity ?? throw new ValidationFailedException("planned_quantity", "is required"),
                request.AdditionalInfo), ct);
            return TypedResults.Ok(await ResponseAsync(db, order, ct));
        });
        group.MapPatch("/{id:long}", async (long id, UpdateManufacturingOrderRequest request, ManufacturingOrders making, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var status = request.Status is null ? (ManufacturingStatus?)null : EnumNames.Parse<ManufacturingStatus>(request.Status, "status");
            var order = await making.UpdateAsync(id, new UpdateManufacturingOrder(status, request.PlannedQuantity, request.AdditionalInfo), ct);
            return TypedResults.Ok(await ResponseAsync(db, order, ct));
        });
        group.MapDelete("/{id:long}", async (long id, ManufacturingOrders making, CancellationToken ct) =>
        {
            await making.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });

        v1.MapPost("/manufacturing_order_make_to_order", async (MakeToOrderRequest request, ManufacturingOrders making, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var order = await making.MakeToOrderAsync(request.SalesOrderRowId ?? throw new ValidationFailedException("sales_order_row_id", "is required"), ct);
            return TypedResults.Ok(await ResponseAsync(db, order, ct));
        }).WithTags("Manufacturing orders");
        v1.MapPost("/manufacturing_order_unlink", async (MakeToOrderRequest request, ManufacturingOrders making, CancellationToken ct) =>
        {
            await making.UnlinkAsync(request.SalesOrderRowId ?? throw new ValidationFailedException("sales_order_row_id", "is required"), ct);
            return TypedResults.NoContent(); // as Katana answers it
        }).WithTags("Manufacturing orders");
    }

    /// <summary>Katana's filters, and variant_id (ShopFloor's own: the orders making one variant).</summary>
    private static async Task<ListResponse<ManufacturingOrderResponse>> ListAsync(
        string? status, [FromQuery(Name = "order_no")] string? orderNo, [FromQuery(Name = "location_id")] long? locationId,
        [FromQuery(Name = "variant_id")] long? variantId, [FromQuery(Name = "is_linked_to_sales_order")] bool? linked,
        [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var query = filters.Apply(db.Set<ManufacturingOrder>().AsNoTracking(), db).Include(o => o.Recipe).Include(o => o.Productions).AsSplitQuery()
            .Where(o => (orderNo == null || o.OrderNo == orderNo) && (locationId == null || o.LocationId == locationId)
                        && (variantId == null || o.VariantId == variantId) && (linked == null || (o.SalesOrderId != null) == linked));
        if (status is not null && EnumNames.Parse<ManufacturingStatus>(status, "status") is var wanted)
            query = wanted == ManufacturingStatus.Blocked ? query.Where(o => o.Status == ManufacturingStatus.NotStarted) : query.Where(o => o.Status == wanted);
        var page = await query.OrderByDescending(o => o.Id).ToPageAsync(paging, http, o => o, ct);
        var blocked = await BlockedAsync(db, page.Data, ct);
        return new ListResponse<ManufacturingOrderResponse>(page.Data.Select(o => ManufacturingOrderResponse.From(o, blocked.Contains(o.Id)))
            .Where(o => status is null || string.Equals(o.Status, status, StringComparison.OrdinalIgnoreCase)).ToList());
    }

    private static async Task<ManufacturingOrderResponse> ResponseAsync(ShopFloorDbContext db, ManufacturingOrder order, CancellationToken ct) =>
        ManufacturingOrderResponse.From(order, (await BlockedAsync(db, [order], ct)).Contains(order.Id));

    private static async Task<HashSet<long>> BlockedAsync(ShopFloorDbContext db, IReadOnlyList<ManufacturingOrder> orders, CancellationToken ct) =>
        (await new IngredientShortages(db).OfAsync(orders, ct)).Keys.ToHashSet();
}
