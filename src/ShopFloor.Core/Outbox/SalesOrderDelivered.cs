using System.Text.Json;

namespace ShopFloor.Core.Outbox;

/// <summary>
/// A sales order that came from a store delivered rows that the store does not know about yet (R-SYNC-3). The
/// consumer looks at the order itself, so a repeated event is harmless.
/// </summary>
public sealed record SalesOrderDelivered(long SalesOrderId)
{
    public const string Topic = "sales_order.delivered";

    public OutboxMessage ToMessage(DateTime now) =>
        new(Topic, JsonSerializer.Serialize(this, JsonSerializerOptions.Web), now);

    public static SalesOrderDelivered Parse(OutboxMessage message) =>
        JsonSerializer.Deserialize<SalesOrderDelivered>(message.Payload, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Outbox message {message.Id} has no payload.");
}
