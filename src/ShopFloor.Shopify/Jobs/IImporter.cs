namespace ShopFloor.Shopify.Jobs;

/// <summary>One kind of import. It saves its progress (done, counts, cursor) as it goes, so a restart resumes.</summary>
public interface IImporter
{
    ImportType Type { get; }

    Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct);
}
