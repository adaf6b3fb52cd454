using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

public sealed record LocationRequest(string? Name, string? LegalName, bool? IsPrimary, bool? SalesAllowed, bool? PurchaseAllowed, bool? ManufacturingAllowed);

public sealed record LocationResponse(
    long Id, string Name, string? LegalName, bool IsPrimary, bool SalesAllowed, bool PurchaseAllowed,
    bool ManufacturingAllowed, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static LocationResponse From(Location l) => new(
        l.Id, l.Name, l.LegalName, l.IsPrimary, l.SalesAllowed, l.PurchaseAllowed, l.ManufacturingAllowed, l.CreatedAt, l.UpdatedAt);
}

/// <summary>/v1/locations (R-LOC-1); <c>sales_allowed</c> is the "sell from here" flag Shopify mapping needs.</summary>
public static class LocationsApi
{
    public static void MapLocations(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/locations").WithTags("Locations");
        group.MapGet("", ([AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.Locations.AsNoTracking().OrderBy(l => l.Id).ToPageAsync(paging, http, LocationResponse.From, ct));
        group.MapGet("/{id:long}", async Task<Ok<LocationResponse>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.Locations.FindAsync([id], ct) is { } location ? TypedResults.Ok(LocationResponse.From(location)) : throw new NotFoundException("Location", id));
        group.MapPost("", async (LocationRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var location = new Location(request.Name ?? "", now);
            Apply(location, request, now);
            db.Locations.Add(location);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(LocationResponse.From(location));
        });
        group.MapPatch("/{id:long}", async (long id, LocationRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var location = await db.Locations.FindAsync([id], ct) ?? throw new NotFoundException("Location", id);
            Apply(location, request, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(LocationResponse.From(location));
        });
        group.MapDelete("/{id:long}", async Task<NoContent> (long id, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var location = await db.Locations.FindAsync([id], ct);
            if (location is null)
                throw new NotFoundException("Location", id);
            if (await db.InventoryMovements.AnyAsync(m => m.LocationId == id, ct))
                throw new DomainException($"Location {id} has stock movements and cannot be deleted.");
            db.StockLevels.RemoveRange(db.StockLevels.Where(l => l.LocationId == id));
            db.Locations.Remove(location);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }

    private static void Apply(Location location, LocationRequest request, DateTime now)
    {
        if (request.Name is not null) location.Rename(request.Name);
        if (request.LegalName is not null) location.LegalName = request.LegalName;
        if (request.IsPrimary is { } primary) location.IsPrimary = primary;
        if (request.SalesAllowed is { } sales) location.SalesAllowed = sales;
        if (request.PurchaseAllowed is { } purchase) location.PurchaseAllowed = purchase;
        if (request.ManufacturingAllowed is { } manufacturing) location.ManufacturingAllowed = manufacturing;
        location.UpdatedAt = now;
    }
}
