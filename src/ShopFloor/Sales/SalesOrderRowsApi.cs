using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

/// <summary>/v1/sales_order_rows: the product rows of sales orders (the shipping fee has a route of its own).</summary>
public static class SalesOrderRowsApi
{
    public static void MapSalesOrderRows(this IEndpointRouteBuilder v1)
    {
        var rows = v1.MapGroup("/sales_order_rows").WithTags("Sales orders");
        rows.MapGet("", ([FromQuery(Name = "sales_order_id")] long? salesOrderId, [FromQuery(Name = "sales_order_ids")] string[]? salesOrderIds,
                [FromQuery(Name = "variant_id")] long? variantId, [FromQuery(Name = "location_id")] long? locationId,
                [FromQuery(Name = "tax_rate_id")] long? taxRateId, [FromQuery(Name = "linked_manufacturing_order_id")] long? linkedOrder,
                [FromQuery(Name = "product_availability")] string? productAvailability, [FromQuery(Name = "ids")] string[]? ids,
                [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var orders = RecordFilters.Parse(salesOrderIds, "sales_order_ids");
            var rowIds = RecordFilters.Parse(ids, "ids");
            RowAvailability? availability = productAvailability is null ? null : EnumNames.Parse<RowAvailability>(productAvailability, "product_availability");
            return db.Set<SalesOrderRow>().AsNoTracking().Include(r => r.Order)
                .Where(r => r.Kind != SalesRowKind.ShippingFee)
                .Where(r => salesOrderId == null || r.SalesOrderId == salesOrderId)
                .Where(r => orders.Count == 0 || orders.Contains(r.SalesOrderId))
                .Where(r => rowIds.Count == 0 || rowIds.Contains(r.Id))
                .Where(r => variantId == null || r.VariantId == variantId)
                .Where(r => locationId == null || r.LocationId == locationId)
                .Where(r => taxRateId == null || r.TaxRateId == taxRateId)
                .Where(r => linkedOrder == null || r.LinkedManufacturingOrderId == linkedOrder)
                .Where(r => availability == null || r.Availability == availability)
                .OrderBy(r => r.Id).ToPageAsync(paging, http, SalesOrderRowResponse.From, ct);
        });
        rows.MapGet("/{id:long}", async (long id, ShopFloorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(SalesOrderRowResponse.From(await db.Set<SalesOrderRow>().AsNoTracking().Include(r => r.Order)
                .FirstOrDefaultAsync(r => r.Id == id && r.Kind != SalesRowKind.ShippingFee, ct) ?? throw new NotFoundException("Sales order row", id))));
        rows.MapPost("", async (SalesRowRequest request, SalesOrders sales, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var order = await sales.AddRowAsync(request.SalesOrderId ?? throw new ValidationFailedException("sales_order_id", "is required"),
                await RowInputAsync(request, null, db, ct), ct);
            return TypedResults.Ok(SalesOrderRowResponse.From(order.Rows[^1]));
        });
        rows.MapPatch("/{id:long}", async (long id, SalesRowRequest request, SalesOrders sales, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var tax = request.TaxRateId is { } taxRateId ? new RowTax(await TaxRates.RateAsync(db, taxRateId, "tax_rate_id", ct), taxRateId)
                : request.TaxRate is { } rate ? new RowTax(rate, null) : null;
            var order = await sales.UpdateRowAsync(id, request.Quantity, request.PricePerUnit, ct, tax);
            return TypedResults.Ok(SalesOrderRowResponse.From(order.Rows.First(r => r.Id == id)));
        });
        rows.MapDelete("/{id:long}", async (long id, SalesOrders sales, CancellationToken ct) =>
        {
            await sales.DeleteRowAsync(id, ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>A row as Katana or ShopFloor scripts send it: attributes or properties, a tax rate id or a percentage.</summary>
    public static async Task<SalesRowInput> RowInputAsync(SalesRowRequest row, int? index, ShopFloorDbContext db, CancellationToken ct)
    {
        var at = index is { } i ? $"sales_order_rows[{i}]." : "";
        var properties = row.Properties?.Rows(at + "properties").ToList()
            ?? row.Attributes?.Rows(at + "attributes").Select((a, n) => new RowProperty(
                a.Key ?? throw new ValidationFailedException($"{at}attributes[{n}].key", "is required"), a.Value ?? "")).ToList();
        var taxRate = row.TaxRateId is { } id ? await TaxRates.RateAsync(db, id, at + "tax_rate_id", ct) : row.TaxRate;
        // Katana's total_discount is for the whole row: it lowers the price of each unit.
        var quantity = row.Quantity ?? throw new ValidationFailedException(at + "quantity", "is required");
        var price = row.PricePerUnit
            ?? (row.VariantId is { } variant ? await db.Variants.Where(v => v.Id == variant).Select(v => v.SalesPrice).FirstOrDefaultAsync(ct) : null)
            ?? 0;
        if (row.TotalDiscount is { } discount and not 0 && quantity != 0)
            price = Math.Max(0, Math.Round(price - discount / quantity, 6));
        return new SalesRowInput(row.VariantId, quantity, price, taxRate, row.Description, row.LocationId,
            row.VariantId is null ? SalesRowKind.Custom : SalesRowKind.Product, Properties: properties, TaxRateId: row.TaxRateId);
    }
}
