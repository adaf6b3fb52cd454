using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

public sealed record SupplierRequest(string? Name, string? Email, string? Phone, string? Currency, string? Comment);

public sealed record SupplierResponse(
    long Id, string Name, string? Email, string? Phone, string? Currency, string? Comment, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SupplierResponse From(Supplier s) => new(s.Id, s.Name, s.Email, s.Phone, s.Currency, s.Comment, s.CreatedAt, s.UpdatedAt);
}

public static class SuppliersApi
{
    public static void MapSuppliers(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/suppliers").WithTags("Suppliers");
        group.MapGet("", (string? name, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.Suppliers.AsNoTracking().Where(s => name == null || s.Name.Contains(name)).OrderBy(s => s.Id)
                .ToPageAsync(paging, http, SupplierResponse.From, ct));
        group.MapGet("/{id:long}", async Task<Results<Ok<SupplierResponse>, NotFound>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.Suppliers.FindAsync([id], ct) is { } supplier ? TypedResults.Ok(SupplierResponse.From(supplier)) : TypedResults.NotFound());
        group.MapPost("", async (SupplierRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var supplier = new Supplier(request.Name ?? "", now);
            Apply(supplier, request, now);
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(SupplierResponse.From(supplier));
        });
        group.MapPatch("/{id:long}", async (long id, SupplierRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var supplier = await db.Suppliers.FindAsync([id], ct) ?? throw new NotFoundException("Supplier", id);
            Apply(supplier, request, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(SupplierResponse.From(supplier));
        });
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.Suppliers.Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : TypedResults.NotFound());
    }

    private static void Apply(Supplier supplier, SupplierRequest request, DateTime now)
    {
        if (request.Name is not null) supplier.Rename(request.Name);
        if (request.Email is not null) supplier.Email = request.Email;
        if (request.Phone is not null) supplier.Phone = request.Phone;
        if (request.Currency is not null) supplier.Currency = request.Currency;
        if (request.Comment is not null) supplier.Comment = request.Comment;
        supplier.UpdatedAt = now;
    }
}
