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

    public long Id { get; private set; }
    public string Topic { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
