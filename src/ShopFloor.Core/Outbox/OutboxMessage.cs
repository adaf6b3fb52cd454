using System.Text.Json;

namespace ShopFloor.Core.Outbox;

/// <summary>
/// A change that must reach the outside world (R-SYNC-6), written in the same transaction as the change
/// itself and consumed by background workers.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(string topic, string payload, DateTime now)
    {
        Topic = topic;
        Payload = payload;
        CreatedAt = now;
    }

    /// <summary>An event with its payload as JSON.</summary>
    public static OutboxMessage For<T>(string topic, T payload, DateTime now) => new(topic, JsonSerializer.Serialize(payload, JsonSerializerOptions.Web), now);

    public T PayloadAs<T>() =>
        JsonSerializer.Deserialize<T>(Payload, JsonSerializerOptions.Web) ?? throw new InvalidOperationException($"Outbox message {Id} has no payload.");

    public long Id { get; private set; }
    public string Topic { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
