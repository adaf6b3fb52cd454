using System.Globalization;
using ShopFloor.ShopifyEmulator.GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.Control;

public sealed record StorefrontLine(string? Sku, string? Title, int Quantity, decimal? Price);

public sealed record StorefrontCustomer(string? FirstName, string? LastName, string? Email);

public sealed record StorefrontShipping(string Title, decimal Price);

public sealed record StorefrontOrderRequest(
    IReadOnlyList<StorefrontLine> LineItems, string? FinancialStatus, string? Email, StorefrontCustomer? Customer,
    IReadOnlyList<StorefrontShipping>? ShippingLines, string? LocationId, string? Note);

public sealed record ShipRequest(string? TrackingCompany, string? TrackingNumber, string? TrackingUrl);

/// <summary>
/// /_emulator/shops/{domain}/orders: a shopper checking out (stock leaves Available for Committed, as on a real
/// storefront) and a shipping app such as ShipStation fulfilling an order through Shopify.
/// </summary>
public static class StorefrontApi
{
    public static void MapStorefrontApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/_emulator/shops/{domain}/orders").ExcludeFromDescription();
        orders.MapPost("", async (string domain, StorefrontOrderRequest request, ShopRegistry shops, OrderBook book, TimeProvider clock) =>
        {
            if (shops.Find(domain) is not { } shop)
                return Results.NotFound();
            return await InShopAsync(shop, () =>
            {
                var lines = request.LineItems.Select(l => new LineDraft(
                    l.Sku is null ? null : shop.Variants.LastOrDefault(v => v.Sku == l.Sku) ?? throw new StoreException("sku", $"No variant has SKU {l.Sku}."),
                    l.Title, l.Sku, l.Quantity, l.Price)).ToList();
                var customer = request.Customer is { } c
                    ? shop.Customers.FirstOrDefault(x => c.Email is not null && string.Equals(x.Email, c.Email, StringComparison.OrdinalIgnoreCase))
                      ?? book.AddCustomer(shop, c.FirstName, c.LastName, c.Email, null, clock.GetUtcNow().UtcDateTime)
                    : null;
                var location = request.LocationId is { } id && Gid.TryId(id, "Location", out var locationId) ? shop.Locations.FirstOrDefault(l => l.Id == locationId) : null;
                var order = book.Place(shop, new OrderDraft(lines, request.FinancialStatus ?? "paid", request.Email, customer,
                    request.ShippingLines?.Select(s => (s.Title, s.Price)).ToList(), request.Note, location), commitStock: true, clock.GetUtcNow().UtcDateTime);
                return Results.Ok(Summary(order));
            });
        });
        orders.MapPost("/{orderId}/ship", async (string domain, string orderId, ShipRequest request, ShopRegistry shops, OrderBook book, TimeProvider clock) =>
        {
            if (shops.Find(domain) is not { } shop)
                return Results.NotFound();
            return await InShopAsync(shop, () =>
            {
                var wanted = Uri.UnescapeDataString(orderId);
                var order = shop.Orders.FirstOrDefault(o => Gid.Of("Order", o.Id) == wanted || o.Id.ToString(CultureInfo.InvariantCulture) == wanted)
                    ?? throw new StoreException("orderId", $"Order {orderId} does not exist.");
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var fulfillmentOrder in order.FulfillmentOrders.Where(f => f.Status is "OPEN" or "IN_PROGRESS").ToList())
                    book.Fulfill(shop, [(fulfillmentOrder, null)], request.TrackingCompany, request.TrackingNumber, request.TrackingUrl, now);
                return Results.Ok(Summary(order));
            });
        });
    }

    private static object Summary(ShopOrder order) => new
    {
        id = Gid.Of("Order", order.Id),
        name = order.Name,
        fulfillment_status = order.FulfillmentStatus,
        fulfillment_orders = order.FulfillmentOrders.Select(f => new { id = Gid.Of("FulfillmentOrder", f.Id), location_id = Gid.Of("Location", f.Location.Id), status = f.Status }),
    };

    private static async Task<IResult> InShopAsync(Shop shop, Func<IResult> action)
    {
        await shop.Gate.WaitAsync();
        try
        {
            return action();
        }
        catch (StoreException e)
        {
            return Results.UnprocessableEntity(new { field = e.Field, message = e.Message });
        }
        finally
        {
            shop.Gate.Release();
        }
    }
}
