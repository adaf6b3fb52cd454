namespace ShopFloor.Core.Outbox;

/// <summary>A return that came from a store was marked Returned in ShopFloor: the store closes it (R-SYNC-5).</summary>
public sealed record SalesReturnReturned(long SalesReturnId)
{
    public const string Topic = "sales_return.returned";

    public OutboxMessage ToMessage(DateTime now) => OutboxMessage.For(Topic, this, now);

    public static SalesReturnReturned Parse(OutboxMessage message) => message.PayloadAs<SalesReturnReturned>();
}
