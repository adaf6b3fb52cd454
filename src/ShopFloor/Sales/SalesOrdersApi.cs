using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Sales;

/// <summary>/v1/sales_orders (R-SO-1..3). Cancelled orders, which Katana does not have, are listed only when asked for.</summary>
public static class SalesOrdersApi
{
    public static void MapSalesOrders(this IEndpointRouteBuilder v1)
    {
        var orders = v1.MapGroup("/sales_orders").WithTags("Sales orders");
        orders.MapGet("", ListAsync);
        orders.MapGet("/{id:long}", async (long id, SalesOrders sales, ShopFloorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(SalesOrderResponse.From(await sales.LoadAsync(id, ct), await StoreDomainsAsync(db, ct))));
        orders.MapPost("", CreateAsync);
        orders.MapPatch("/{id:long}", async (long id, UpdateSalesOrderRequest request, SalesOrders sales, ShopFloorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(SalesOrderResponse.From(await sales.UpdateAsync(id, new UpdateSalesOrder(
                request.CustomerId, request.LocationId, request.CommitsStock,
                request.Status is null ? null : EnumNames.Parse<SalesOrderStatus>(request.Status, "status"),
                request.PriorityRank, request.AdditionalInfo, request.DeliveryDate), ct), await StoreDomainsAsync(db, ct))));
        orders.MapDelete("/{id:long}", async (long id, SalesOrders sales, CancellationToken ct) =>
        {
            await sales.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        v1.MapSalesOrderRows();
        v1.MapSalesOrderAddresses();
        v1.MapShippingFees();
    }

    private static async Task<ListResponse<SalesOrderResponse>> ListAsync(
        string? list, string? status, [FromQuery(Name = "customer_id")] long? customerId, [FromQuery(Name = "location_id")] long? locationId,
        [FromQuery(Name = "order_no")] string? orderNo, [FromQuery(Name = "ecommerce_order_id")] string? ecommerceOrderId,
        [FromQuery(Name = "ecommerce_store_name")] string? storeName, [FromQuery(Name = "ecommerce_order_type")] string? orderType,
        string? source, string? currency, [FromQuery(Name = "product_availability")] string? productAvailability,
        [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var domains = await StoreDomainsAsync(db, ct);
        var query = filters.Apply(db.Set<SalesOrder>().AsNoTracking(), db).Include(o => o.Rows).AsSplitQuery()
            .Where(o => customerId == null || o.CustomerId == customerId)
            .Where(o => locationId == null || o.LocationId == locationId)
            .Where(o => orderNo == null || o.OrderNo == orderNo)
            .Where(o => ecommerceOrderId == null || o.ShopifyOrderId == ecommerceOrderId || o.ShopifyOrderId!.EndsWith("/" + ecommerceOrderId))
            .Where(o => orderType == null || (orderType == "shopify" ? o.StoreId != null : o.StoreId == null && orderType == "manual"))
            .Where(o => source == null || o.Source == source)
            .Where(o => currency == null || o.Currency == currency);
        if (storeName is not null)
        {
            var stores = domains.Where(d => d.Value == storeName).Select(d => (long?)d.Key).ToList();
            query = query.Where(o => stores.Contains(o.StoreId));
        }
        var wanted = status is null ? (SalesOrderStatus?)null : EnumNames.Parse<SalesOrderStatus>(status, "status");
        query = wanted is null ? query.Where(o => o.Status != SalesOrderStatus.Cancelled) : query.Where(o => o.Status == wanted);
        query = list switch
        {
            null => query.OrderByDescending(o => o.Id),
            "open" => query.Where(SalesOrderLists.Open)
                .OrderBy(o => o.PriorityRank).ThenBy(o => o.Id),
            "done" => query.Where(SalesOrderLists.Done).OrderByDescending(o => o.DeliveredAt),
            _ => throw new ValidationFailedException("list", "must be 'open' or 'done'"),
        };
        if (productAvailability is not null)
        {
            // Worked out from the rows, so filtered after reading: a page holds what matches.
            var availability = EnumNames.Parse<RowAvailability>(productAvailability, "product_availability");
            var matching = (await query.ToListAsync(ct)).Where(o => OrderAvailability.Of(o.Rows.Where(r => r.Kind != SalesRowKind.ShippingFee)
                .Select(r => r.Availability)) == availability).Select(o => o.Id).ToList();
            query = db.Set<SalesOrder>().AsNoTracking().Include(o => o.Rows).AsSplitQuery().Where(o => matching.Contains(o.Id)).OrderByDescending(o => o.Id);
        }
        return await query.ToPageAsync(paging, http, o => SalesOrderResponse.From(o, domains), ct);
    }

    private static async Task<SalesOrderResponse> CreateAsync(CreateSalesOrderRequest request, SalesOrders sales, ShopFloorDbContext db, CancellationToken ct)
    {
        var status = request.Status is null ? SalesOrderStatus.NotShipped : EnumNames.Parse<SalesOrderStatus>(request.Status, "status");
        if (status is not (SalesOrderStatus.NotShipped or SalesOrderStatus.Pending))
            throw new ValidationFailedException("status", "a new order is NOT_SHIPPED or PENDING; pack or deliver it afterwards");
        var rows = new List<SalesRowInput>();
        foreach (var (row, index) in request.SalesOrderRows.Rows("sales_order_rows").Select((r, i) => (r, i)))
            rows.Add(await SalesOrderRowsApi.RowInputAsync(row, index, db, ct));
        var order = await sales.CreateAsync(new CreateSalesOrder(
            request.OrderNo,
            request.LocationId ?? rows.Select(r => r.LocationId).FirstOrDefault(l => l is not null) ?? await DefaultLocationAsync(db, ct),
            request.CustomerId, request.CommitsStock ?? true, status == SalesOrderStatus.Pending, request.Currency,
            request.AdditionalInfo, rows,
            Addresses: request.Addresses?.Rows("addresses").ToList(),
            Tags: request.Tags?.Select((t, i) => t ?? throw new ValidationFailedException($"tags[{i}]", "must be a text")).ToList(),
            DeliveryDate: request.DeliveryDate), ct);
        return SalesOrderResponse.From(order, await StoreDomainsAsync(db, ct));
    }

    /// <summary>Katana lets a script leave the location out: the order ships from the first location.</summary>
    private static async Task<long> DefaultLocationAsync(ShopFloorDbContext db, CancellationToken ct) =>
        await db.Locations.OrderBy(l => l.Id).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct)
        ?? throw new ValidationFailedException("location_id", "is required: there is no location yet");

    public static async Task<IReadOnlyDictionary<long, string>> StoreDomainsAsync(ShopFloorDbContext db, CancellationToken ct) =>
        await db.Set<ShopifyStore>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ShopDomain, ct);
}
