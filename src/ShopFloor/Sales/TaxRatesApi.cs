using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

public sealed record CreateTaxRateRequest(string? Name, decimal? Rate, bool? IsDefaultSales, bool? IsDefaultPurchases);

public sealed record TaxRateResponse(
    long Id, string Name, decimal Rate, bool IsDefaultSales, bool IsDefaultPurchases, string DisplayName, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static TaxRateResponse From(TaxRate r) =>
        new(r.Id, r.Name, r.Rate, r.IsDefaultSales, r.IsDefaultPurchases, r.DisplayName, r.CreatedAt, r.UpdatedAt);
}

/// <summary>/v1/tax_rates: the named rates rows refer to by tax_rate_id.</summary>
public static class TaxRates
{
    public static void MapTaxRates(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/tax_rates").WithTags("Tax rates");
        group.MapGet("", (decimal? rate, string? name, [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging,
                ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            filters.Apply(db.Set<TaxRate>().AsNoTracking(), db)
                .Where(r => (rate == null || r.Rate == rate) && (name == null || r.Name == name))
                .OrderBy(r => r.Id).ToPageAsync(paging, http, TaxRateResponse.From, ct));
        group.MapPost("", async (CreateTaxRateRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var taxRate = new TaxRate(request.Name, request.Rate ?? throw new ValidationFailedException("rate", "is required"), clock.GetUtcNow().UtcDateTime)
            {
                IsDefaultSales = request.IsDefaultSales ?? false,
                IsDefaultPurchases = request.IsDefaultPurchases ?? false,
            };
            db.Add(taxRate);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(TaxRateResponse.From(taxRate));
        });
    }

    public static async Task<decimal> RateAsync(ShopFloorDbContext db, long id, string field, CancellationToken ct) =>
        await db.Set<TaxRate>().Where(r => r.Id == id).Select(r => (decimal?)r.Rate).FirstOrDefaultAsync(ct)
        ?? throw new ValidationFailedException(field, $"tax rate {id} does not exist");
}
