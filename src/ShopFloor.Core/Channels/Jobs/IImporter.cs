namespace ShopFloor.Core.Channels.Jobs;

/// <summary>One kind of import of one channel. It saves its progress (done, counts, cursor) as it goes, so a restart resumes.</summary>
public interface IImporter
{
    string Channel { get; }

    ImportType Type { get; }

    Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct);
}
