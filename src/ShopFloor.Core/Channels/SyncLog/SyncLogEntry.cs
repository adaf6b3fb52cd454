namespace ShopFloor.Core.Channels.SyncLog;

public enum SyncDirection
{
    In,
    Out,
}

public enum SyncOutcome
{
    Ok,
    Skipped,
    Failed,

    /// <summary>Failed in a way only the merchant can fix (an unmapped location, a value Shopify rejects).</summary>
    NeedsAction,
}

/// <summary>The store a sync-log line belongs to: its channel and its id among that channel's stores.</summary>
public readonly record struct ChannelStore(string Channel, long Id);

/// <summary>One line of a store's sync log, for any channel: what arrived, what was sent, what failed and why.</summary>
public sealed class SyncLogEntry
{
    private SyncLogEntry() { }

    public SyncLogEntry(ChannelStore store, SyncDirection direction, string subject, SyncOutcome outcome, string message, string? reference, DateTime now)
    {
        Channel = store.Channel;
        StoreId = store.Id;
        Direction = direction;
        Subject = subject;
        Outcome = outcome;
        Message = message.Length > 2000 ? message[..2000] : message;
        Reference = reference;
        At = now;
    }

    public long Id { get; private set; }
    public string Channel { get; private set; } = "";
    public long StoreId { get; private set; }
    public DateTime At { get; private set; }
    public SyncDirection Direction { get; private set; }

    /// <summary>What it was about: order, fulfillment, stock, return, webhook, reconcile.</summary>
    public string Subject { get; private set; } = "";

    public SyncOutcome Outcome { get; private set; }
    public string Message { get; private set; } = "";

    /// <summary>The store's or ShopFloor's object it concerns (an order's name, an inventory item id).</summary>
    public string? Reference { get; private set; }
}
