using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;

namespace ShopFloor.Buying;

public sealed record CostRowRequest(long? AdditionalCostId, long? GroupId, long? TaxRateId, decimal? Price, string? DistributionMethod);

/// <summary>Katana's shape; ShopFloor keeps one currency per order, so the base price is the price.</summary>
public sealed record CostRowResponse(
    long Id, long AdditionalCostId, long GroupId, string Name, string DistributionMethod, long TaxRateId, decimal TaxRate, decimal Price,
    decimal PriceInBase, string Currency, decimal CurrencyConversionRate, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>/v1/po_additional_cost_rows: freight, duty and the like on a purchase order (its group_id is the order's default_group_id).</summary>
public static class PurchaseOrderCostRowsApi
{
    public static void MapPurchaseOrderCostRows(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/po_additional_cost_rows").WithTags("Purchase orders");
        group.MapGet("", List);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("", CreateAsync);
        group.MapPatch("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
    }

    private static Task<ListResponse<CostRowResponse>> List(
        [FromQuery(Name = "group_id")] long? groupId, [FromQuery(Name = "additional_cost_id")] long? additionalCostId,
        [FromQuery(Name = "tax_rate_id")] long? taxRateId, string? currency, [FromQuery(Name = "distribution_method")] string? distributionMethod,
        [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var distribution = distributionMethod is null ? (CostDistribution?)null : EnumNames.Parse<CostDistribution>(distributionMethod, "distribution_method");
        var rows = filters.Apply(db.Set<PurchaseOrderCostRow>().AsNoTracking(), db)
            .Where(r => (groupId == null || r.PurchaseOrderId == groupId) && (additionalCostId == null || r.AdditionalCostId == additionalCostId)
                        && (taxRateId == null || r.TaxRateId == taxRateId) && (distribution == null || r.Distribution == distribution));
        return Described(rows, db).Where(r => currency == null || r.Currency == currency).OrderBy(r => r.Row.Id).ToPageAsync(paging, http, Response, ct);
    }

    private static async Task<Ok<CostRowResponse>> GetAsync(long id, ShopFloorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await DescribedAsync(db, id, ct));

    private static async Task<Ok<CostRowResponse>> CreateAsync(CostRowRequest request, PurchaseOrders purchasing, ShopFloorDbContext db, CancellationToken ct)
    {
        var row = await purchasing.AddCostAsync(
            request.GroupId ?? throw new ValidationFailedException("group_id", "is required (the purchase order's default_group_id)"),
            request.AdditionalCostId ?? throw new ValidationFailedException("additional_cost_id", "is required"),
            request.TaxRateId ?? throw new ValidationFailedException("tax_rate_id", "is required"),
            request.Price ?? throw new ValidationFailedException("price", "is required"),
            request.DistributionMethod is null ? CostDistribution.ByValue : EnumNames.Parse<CostDistribution>(request.DistributionMethod, "distribution_method"), ct);
        return TypedResults.Ok(await DescribedAsync(db, row.Id, ct));
    }

    private static async Task<Ok<CostRowResponse>> UpdateAsync(long id, CostRowRequest request, PurchaseOrders purchasing, ShopFloorDbContext db, CancellationToken ct)
    {
        if (request.GroupId is not null)
            throw new ValidationFailedException("group_id", "a cost row stays on its purchase order; add one to the other order instead");
        var distribution = request.DistributionMethod is null ? (CostDistribution?)null : EnumNames.Parse<CostDistribution>(request.DistributionMethod, "distribution_method");
        await purchasing.ChangeCostAsync(id, request.AdditionalCostId, request.TaxRateId, request.Price, distribution, ct);
        return TypedResults.Ok(await DescribedAsync(db, id, ct));
    }

    private static async Task<NoContent> DeleteAsync(long id, PurchaseOrders purchasing, CancellationToken ct)
    {
        await purchasing.DeleteCostAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<CostRowResponse> DescribedAsync(ShopFloorDbContext db, long id, CancellationToken ct) =>
        await Described(db.Set<PurchaseOrderCostRow>().AsNoTracking().Where(r => r.Id == id), db).Select(r => Response(r)).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Purchase order additional cost row", id);

    /// <summary>A cost row with what its response names from elsewhere: the cost's name, the tax rate, the order's currency.</summary>
    private sealed class DescribedRow
    {
        public required PurchaseOrderCostRow Row { get; init; }
        public required string Name { get; init; }
        public required decimal TaxRate { get; init; }
        public required string? Currency { get; init; }
    }

    private static IQueryable<DescribedRow> Described(IQueryable<PurchaseOrderCostRow> rows, ShopFloorDbContext db) =>
        from r in rows
        join cost in db.Set<AdditionalCost>() on r.AdditionalCostId equals cost.Id
        join tax in db.Set<TaxRate>() on r.TaxRateId equals tax.Id
        join order in db.Set<PurchaseOrder>().IgnoreAutoIncludes() on r.PurchaseOrderId equals order.Id
        select new DescribedRow { Row = r, Name = cost.Name, TaxRate = tax.Rate, Currency = order.Currency };

    private static CostRowResponse Response(DescribedRow d) =>
        new(d.Row.Id, d.Row.AdditionalCostId, d.Row.PurchaseOrderId, d.Name, EnumNames.Upper(d.Row.Distribution), d.Row.TaxRateId, d.TaxRate,
            d.Row.Price, d.Row.Price, d.Currency ?? "", 1m, d.Row.CreatedAt, d.Row.UpdatedAt);
}
