using System.Globalization;
using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>orders, order, fulfillmentOrder, fulfillment, customers and customer on the query side.</summary>
internal static class OrderFields
{
    public static void AddTo(Node root, Shop shop)
    {
        var nodes = new OrderNodes(shop);
        root.With("orders", ctx => Connections.Of(ctx, Filter(shop.Orders, ctx.GetArgument<string?>("query")), o => o.Id, nodes.Order));
        root.With("order", ctx => Gid.TryId(ctx.GetArgument<string>("id"), "Order", out var id) && shop.Orders.FirstOrDefault(o => o.Id == id) is { } o ? nodes.Order(o) : null);
        root.With("fulfillmentOrder", ctx => Gid.TryId(ctx.GetArgument<string>("id"), "FulfillmentOrder", out var id)
            && shop.Orders.SelectMany(o => o.FulfillmentOrders).FirstOrDefault(f => f.Id == id) is { } f ? nodes.FulfillmentOrder(f) : null);
        root.With("fulfillment", ctx => Gid.TryId(ctx.GetArgument<string>("id"), "Fulfillment", out var id)
            && shop.Orders.SelectMany(o => o.Fulfillments).FirstOrDefault(f => f.Id == id) is { } f ? nodes.Fulfillment(f) : null);
        root.With("customers", ctx =>
        {
            var query = ctx.GetArgument<string?>("query");
            var customers = query is not null && query.StartsWith("email:", StringComparison.OrdinalIgnoreCase)
                ? shop.Customers.Where(c => string.Equals(c.Email, query[6..].Trim().Trim('"'), StringComparison.OrdinalIgnoreCase))
                : shop.Customers;
            return Connections.Of(ctx, customers, c => c.Id, nodes.Customer);
        });
        root.With("customer", ctx => Gid.TryId(ctx.GetArgument<string>("id"), "Customer", out var id) && shop.Customers.FirstOrDefault(c => c.Id == id) is { } c ? nodes.Customer(c) : null);
    }

    /// <summary>The search terms the integration uses: <c>updated_at:&gt;=…</c>, <c>created_at:&gt;=…</c>, separated by spaces or AND.</summary>
    private static IEnumerable<ShopOrder> Filter(IEnumerable<ShopOrder> orders, string? query)
    {
        foreach (var term in (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.Equals("AND", StringComparison.OrdinalIgnoreCase)))
        {
            var parts = term.Split(':', 2);
            if (parts.Length != 2 || parts[0] is not ("updated_at" or "created_at"))
                continue;
            var value = parts[1].Trim('\'', '"');
            var op = value.StartsWith(">=", StringComparison.Ordinal) ? ">=" : value.StartsWith('>') ? ">" : value.StartsWith("<=", StringComparison.Ordinal) ? "<=" : value.StartsWith('<') ? "<" : "";
            if (!DateTime.TryParse(value[op.Length..].Trim('\'', '"'), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                continue;
            Func<ShopOrder, DateTime> field = parts[0] == "updated_at" ? o => o.UpdatedAt : o => o.CreatedAt;
            orders = op switch
            {
                ">=" => orders.Where(o => field(o) >= at),
                ">" => orders.Where(o => field(o) > at),
                "<=" => orders.Where(o => field(o) <= at),
                "<" => orders.Where(o => field(o) < at),
                _ => orders.Where(o => field(o) == at),
            };
        }
        return orders;
    }
}
