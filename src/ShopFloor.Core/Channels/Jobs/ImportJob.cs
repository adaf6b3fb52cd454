using ShopFloor.Core.Channels.SyncLog;

namespace ShopFloor.Core.Channels.Jobs;

public enum ImportType
{
    Products,
    Customers,
    InitialStock,

    /// <summary>Orders changed since the last look (the live sync's safety net, and the backfill on activation).</summary>
    Orders,

    /// <summary>Every linked level compared with the store's, drift repaired.</summary>
    Reconcile,
}

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

public sealed record ImportError(string Item, string Message);

/// <summary>
/// R-IMP-1: a durable background import of one channel's store. A worker leases it; a lease that runs out (the service stopped) puts it
/// back in the queue to resume, so it never hangs as running, and after too many attempts it fails visibly.
/// </summary>
public sealed class ImportJob
{
    public const int MaxAttempts = 3;

    private ImportJob() { }

    public ImportJob(ChannelStore store, ImportType type, DateTime now)
    {
        Channel = store.Channel;
        StoreId = store.Id;
        Type = type;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Channel { get; private set; } = "";
    public long StoreId { get; private set; }
    public ChannelStore Store => new(Channel, StoreId);
    public ImportType Type { get; private set; }
    public ImportStatus Status { get; private set; } = ImportStatus.Queued;
    public int Done { get; set; }
    public int? Total { get; set; }
    public Dictionary<string, int> Counts { get; private set; } = [];
    public List<ImportError> Errors { get; private set; } = [];
    public string? Cursor { get; set; }
    public int Attempts { get; private set; }
    public DateTime? LeasedUntil { get; private set; }
    public string? Failure { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    public void Start(DateTime leasedUntil, DateTime now)
    {
        Status = ImportStatus.Running;
        Attempts++;
        LeasedUntil = leasedUntil;
        StartedAt ??= now;
    }

    public void Renew(DateTime leasedUntil) => LeasedUntil = leasedUntil;

    public void Count(string what, int by = 1) => Counts[what] = Counts.GetValueOrDefault(what) + by;

    public void Report(string item, string message)
    {
        if (Errors.Count < 1_000)
            Errors.Add(new ImportError(item, message));
        Count("errors");
    }

    public void Succeed(DateTime now)
    {
        Status = ImportStatus.Succeeded;
        LeasedUntil = null;
        FinishedAt = now;
    }

    public void Fail(string reason, DateTime now)
    {
        Status = ImportStatus.Failed;
        Failure = reason;
        LeasedUntil = null;
        FinishedAt = now;
    }

    /// <summary>The worker holding it stopped: queue it again to resume from its cursor, or fail it for good.</summary>
    public void Abandoned(DateTime now)
    {
        if (Attempts >= MaxAttempts)
            Fail($"Stopped {Attempts} times before finishing.", now);
        else
        {
            Status = ImportStatus.Queued;
            LeasedUntil = null;
        }
    }

    /// <summary>What the merchant calls the job: "Product import", "Reconciliation".</summary>
    public static string Describe(ImportType type) => type switch
    {
        ImportType.Products => "Product import",
        ImportType.Customers => "Customer import",
        ImportType.InitialStock => "Initial stock import",
        ImportType.Orders => "Order catch-up",
        _ => "Reconciliation",
    };
}
