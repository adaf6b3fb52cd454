namespace ShopFloor.Core.Channels.Jobs;

public sealed class ImportWorkerOptions
{
    public const string Section = "ShopFloor:Imports";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A job whose worker has not reported for this long is taken to have stopped.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxConcurrentJobs { get; set; } = 4;
}
