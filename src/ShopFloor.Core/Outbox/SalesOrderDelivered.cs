namespace ShopFloor.Core.Outbox;

/// <summary>
/// A sales order that came from a store delivered rows that the store does not know about yet (R-SYNC-3). The
/// consumer looks at the order itself, so a repeated event is harmless.
/// </summary>
public sealed record SalesOrderDelivered(long SalesOrderId)
{
    public const string Topic = "sales_order.delivered";

    public OutboxMessage ToMessage(DateTime now) => OutboxMessage.For(Topic, this, now);

    public static SalesOrderDelivered Parse(OutboxMessage message) => message.PayloadAs<SalesOrderDelivered>();
}
