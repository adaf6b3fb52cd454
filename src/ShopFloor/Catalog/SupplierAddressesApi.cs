using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

public sealed record SupplierAddressRequest(
    long? SupplierId, [property: JsonPropertyName("line_1")] string? Line1, [property: JsonPropertyName("line_2")] string? Line2,
    string? City, string? State, string? Zip, string? Country);

public sealed record SupplierAddressResponse(
    long Id, long SupplierId, [property: JsonPropertyName("line_1")] string Line1, [property: JsonPropertyName("line_2")] string? Line2,
    string? City, string? State, string? Zip, string? Country, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SupplierAddressResponse From(SupplierAddress a) =>
        new(a.Id, a.SupplierId, a.Line1 ?? "", a.Line2, a.City, a.State, a.Zip, a.Country, a.CreatedAt, a.UpdatedAt);
}

/// <summary>/v1/supplier_addresses: where suppliers are.</summary>
public static class SupplierAddressesApi
{
    public static void MapSupplierAddresses(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/supplier_addresses").WithTags("Suppliers");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapPatch("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
    }

    private static Task<ListResponse<SupplierAddressResponse>> List(
        [FromQuery(Name = "supplier_ids")] string[]? supplierIds, [FromQuery(Name = "line_1")] string? line1, [FromQuery(Name = "line_2")] string? line2,
        string? city, string? state, string? zip, string? country, [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging,
        ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var suppliers = RecordFilters.Parse(supplierIds, "supplier_ids");
        return filters.Apply(db.Set<SupplierAddress>().AsNoTracking(), db)
            .Where(a => (suppliers.Count == 0 || suppliers.Contains(a.SupplierId)) && (line1 == null || a.Line1 == line1) && (line2 == null || a.Line2 == line2)
                        && (city == null || a.City == city) && (state == null || a.State == state) && (zip == null || a.Zip == zip)
                        && (country == null || a.Country == country))
            .OrderBy(a => a.Id).ToPageAsync(paging, http, SupplierAddressResponse.From, ct);
    }

    private static async Task<Ok<SupplierAddressResponse>> CreateAsync(SupplierAddressRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var supplierId = request.SupplierId ?? throw new ValidationFailedException("supplier_id", "is required");
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
            throw new ValidationFailedException("supplier_id", $"supplier {supplierId} does not exist");
        var address = new SupplierAddress(supplierId, clock.GetUtcNow().UtcDateTime);
        Apply(address, request);
        db.Add(address);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SupplierAddressResponse.From(address));
    }

    private static async Task<Ok<SupplierAddressResponse>> UpdateAsync(long id, SupplierAddressRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var address = await db.Set<SupplierAddress>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Supplier address", id);
        if (request.SupplierId is { } moved && moved != address.SupplierId)
            throw new ValidationFailedException("supplier_id", "an address stays with its supplier; add one to the other supplier instead");
        Apply(address, request);
        address.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SupplierAddressResponse.From(address));
    }

    private static async Task<NoContent> DeleteAsync(long id, ShopFloorDbContext db, CancellationToken ct) =>
        await db.Set<SupplierAddress>().Where(a => a.Id == id).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : throw new NotFoundException("Supplier address", id);

    private static void Apply(SupplierAddress address, SupplierAddressRequest request)
    {
        if (request.Line1 is not null) address.Line1 = request.Line1;
        if (request.Line2 is not null) address.Line2 = request.Line2;
        if (request.City is not null) address.City = request.City;
        if (request.State is not null) address.State = request.State;
        if (request.Zip is not null) address.Zip = request.Zip;
        if (request.Country is not null) address.Country = request.Country;
    }
}
