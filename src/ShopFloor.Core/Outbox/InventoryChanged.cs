namespace ShopFloor.Core.Outbox;

/// <summary>In stock, committed or potential changed for one variant at one location (R-SYNC-4 consumes it).</summary>
public sealed record InventoryChanged(long VariantId, long LocationId)
{
    public const string Topic = "inventory.changed";

    public OutboxMessage ToMessage(DateTime now) => OutboxMessage.For(Topic, this, now);

    public static InventoryChanged Parse(OutboxMessage message) => message.PayloadAs<InventoryChanged>();
}
