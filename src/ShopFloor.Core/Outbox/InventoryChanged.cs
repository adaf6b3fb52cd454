using System.Text.Json;

namespace ShopFloor.Core.Outbox;

/// <summary>In stock, committed or potential changed for one variant at one location (R-SYNC-4 consumes it).</summary>
public sealed record InventoryChanged(long VariantId, long LocationId)
{
    public const string Topic = "inventory.changed";

    public OutboxMessage ToMessage(DateTime now) =>
        new(Topic, JsonSerializer.Serialize(this, JsonSerializerOptions.Web), now);

    public static InventoryChanged Parse(OutboxMessage message) =>
        JsonSerializer.Deserialize<InventoryChanged>(message.Payload, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Outbox message {message.Id} has no payload.");
}
