using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

public sealed record SupplierRequest(string? Name, string? Email, string? Phone, string? Currency, string? Comment);

public sealed record SupplierResponse(
    long Id, string Name, string? Email, string? Phone, string? Currency, string? Comment, long? DefaultAddressId,
    IReadOnlyList<SupplierAddressResponse> Addresses, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SupplierResponse From(Supplier s, IReadOnlyList<SupplierAddress> addresses) =>
        new(s.Id, s.Name, s.Email, s.Phone, s.Currency, s.Comment, (addresses.Count > 0 ? addresses[0].Id : (long?)null),
            addresses.Select(SupplierAddressResponse.From).ToList(), s.CreatedAt, s.UpdatedAt);
}

public static class SuppliersApi
{
    public static void MapSuppliers(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/suppliers").WithTags("Suppliers");
        group.MapGet("", async (string? name, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var page = await db.Suppliers.AsNoTracking().Where(s => name == null || s.Name.Contains(name)).OrderBy(s => s.Id)
                .ToPageAsync(paging, http, s => s, ct);
            var addresses = await AddressesAsync(db, page.Data.Select(s => s.Id).ToList(), ct);
            return new ListResponse<SupplierResponse>(page.Data.Select(s => SupplierResponse.From(s, addresses[s.Id].ToList())).ToList());
        });
        group.MapGet("/{id:long}", async Task<Ok<SupplierResponse>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.Suppliers.FindAsync([id], ct) is { } supplier ? TypedResults.Ok(await ResponseAsync(db, supplier, ct)) : throw new NotFoundException("Supplier", id));
        group.MapPost("", async (SupplierRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var supplier = new Supplier(request.Name ?? "", now);
            Apply(supplier, request, now);
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await ResponseAsync(db, supplier, ct));
        });
        group.MapPatch("/{id:long}", async (long id, SupplierRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var supplier = await db.Suppliers.FindAsync([id], ct) ?? throw new NotFoundException("Supplier", id);
            Apply(supplier, request, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await ResponseAsync(db, supplier, ct));
        });
        group.MapDelete("/{id:long}", async Task<NoContent> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.Suppliers.Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : throw new NotFoundException("Supplier", id));
    }

    private static async Task<ILookup<long, SupplierAddress>> AddressesAsync(ShopFloorDbContext db, IReadOnlyList<long> supplierIds, CancellationToken ct) =>
        (await db.Set<SupplierAddress>().AsNoTracking().Where(a => supplierIds.Contains(a.SupplierId)).OrderBy(a => a.Id).ToListAsync(ct))
        .ToLookup(a => a.SupplierId);

    private static async Task<SupplierResponse> ResponseAsync(ShopFloorDbContext db, Supplier supplier, CancellationToken ct) =>
        SupplierResponse.From(supplier, (await AddressesAsync(db, [supplier.Id], ct))[supplier.Id].ToList());

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
