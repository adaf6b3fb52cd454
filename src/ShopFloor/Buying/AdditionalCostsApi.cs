using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Buying;

public sealed record AdditionalCostRequest(string? Name);

public sealed record AdditionalCostResponse(long Id, string Name, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AdditionalCostResponse From(AdditionalCost c) => new(c.Id, c.Name, c.CreatedAt, c.UpdatedAt);
}

/// <summary>/v1/additional_costs: the kinds of cost a purchase order can carry (Shipping, Customs duty, Handling, and the merchant's own).</summary>
public static class AdditionalCostsApi
{
    public static void MapAdditionalCosts(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/additional_costs").WithTags("Purchase orders");
        group.MapGet("", List);
        group.MapPost("", CreateAsync); // ShopFloor's own: Katana names them in its settings screen
    }

    private static Task<ListResponse<AdditionalCostResponse>> List(string? name, [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging,
        ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        filters.Apply(db.Set<AdditionalCost>().AsNoTracking(), db).Where(c => name == null || c.Name == name)
            .OrderBy(c => c.Id).ToPageAsync(paging, http, AdditionalCostResponse.From, ct);

    private static async Task<Ok<AdditionalCostResponse>> CreateAsync(AdditionalCostRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var name = Guard.Required(request.Name, "name");
        if (await db.Set<AdditionalCost>().AnyAsync(c => c.Name == name, ct))
            throw new ValidationFailedException("name", $"an additional cost named '{name}' exists already");
        var cost = new AdditionalCost(name, clock.GetUtcNow().UtcDateTime);
        db.Add(cost);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AdditionalCostResponse.From(cost));
    }
}
