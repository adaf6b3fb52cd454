using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

public sealed record SalesOrderAddressRequest(
    long? SalesOrderId, string? EntityType, string? FirstName, string? LastName, string? Company, string? Phone,
    [property: System.Text.Json.Serialization.JsonPropertyName("line_1")] string? Line1,
    [property: System.Text.Json.Serialization.JsonPropertyName("line_2")] string? Line2,
    string? City, string? State, string? Zip, string? Country);

/// <summary>/v1/sales_order_addresses: an order's billing and shipping address, one of each.</summary>
public static class SalesOrderAddressesApi
{
    public static void MapSalesOrderAddresses(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/sales_order_addresses").WithTags("Sales orders");
        group.MapGet("", async ([FromQuery(Name = "sales_order_ids")] string[]? salesOrderIds, [FromQuery(Name = "sales_order_id")] long? salesOrderId,
            [FromQuery(Name = "entity_type")] string? entityType, [FromQuery(Name = "ids")] string[]? ids, [AsParameters] PageQuery paging,
            ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var orders = RecordFilters.Parse(salesOrderIds, "sales_order_ids").Concat(salesOrderId is { } one ? [one] : []).ToList();
            var addressIds = RecordFilters.Parse(ids, "ids");
            orders.AddRange(addressIds.Select(id => id / 2));
            // Addresses live with their order: read the orders, then page through their addresses.
            var all = (await db.Set<SalesOrder>().AsNoTracking()
                    .Where(o => orders.Count == 0 || orders.Contains(o.Id))
                    .OrderBy(o => o.Id).Select(o => new { o.Id, o.Addresses }).ToListAsync(ct))
                .SelectMany(o => o.Addresses.Select(a => SalesOrderAddressResponse.From(o.Id, a)))
                .Where(a => (entityType == null || a.EntityType == entityType) && (addressIds.Count == 0 || addressIds.Contains(a.Id)));
            return Paging.ToPage(all, paging, http);
        });
        group.MapPost("", async (SalesOrderAddressRequest request, SalesOrders sales, CancellationToken ct) =>
        {
            var orderId = request.SalesOrderId ?? throw new ValidationFailedException("sales_order_id", "is required");
            var address = Address(request, request.EntityType ?? throw new ValidationFailedException("entity_type", "is required"));
            await sales.SetAddressAsync(orderId, address, ct);
            return TypedResults.Ok(SalesOrderAddressResponse.From(orderId, address));
        });
        group.MapPatch("/{id:long}", async (long id, SalesOrderAddressRequest request, SalesOrders sales, CancellationToken ct) =>
        {
            var (orderId, entityType) = (id / 2, id % 2 == 1 ? "shipping" : "billing");
            var current = (await sales.LoadAsync(orderId, ct)).Addresses.FirstOrDefault(a => a.EntityType == entityType)
                ?? throw new NotFoundException("Sales order address", id);
            var address = new SalesOrderAddress(entityType, request.FirstName ?? current.FirstName, request.LastName ?? current.LastName,
                request.Company ?? current.Company, request.Phone ?? current.Phone, request.Line1 ?? current.Line1, request.Line2 ?? current.Line2,
                request.City ?? current.City, request.State ?? current.State, request.Zip ?? current.Zip, request.Country ?? current.Country);
            await sales.SetAddressAsync(orderId, address, ct);
            return TypedResults.Ok(SalesOrderAddressResponse.From(orderId, address));
        });
        group.MapDelete("/{id:long}", async (long id, SalesOrders sales, CancellationToken ct) =>
        {
            await sales.RemoveAddressAsync(id / 2, id % 2 == 1 ? "shipping" : "billing", ct);
            return TypedResults.NoContent();
        });
    }

    private static SalesOrderAddress Address(SalesOrderAddressRequest r, string entityType) =>
        new(entityType, r.FirstName, r.LastName, r.Company, r.Phone, r.Line1, r.Line2, r.City, r.State, r.Zip, r.Country);
}
