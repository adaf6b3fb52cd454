using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Shopify.Jobs;

namespace ShopFloor.Tests.Shopify;

public sealed class ImportJobRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    [Fact] // R-IMP-1: an abandoned job goes back to the queue, until it has been tried too often; then it fails visibly
    public void An_abandoned_job_is_queued_again_until_its_attempts_run_out()
    {
        var job = new ImportJob(ShopFloor.Shopify.ShopifyChannel.Store(1), ImportType.Products, Now);
        for (var attempt = 1; attempt < ImportJob.MaxAttempts; attempt++)
        {
            job.Start(Now.AddMinutes(2), Now);
            job.Abandoned(Now);
            Assert.Equal(ImportStatus.Queued, job.Status);
        }
        job.Start(Now.AddMinutes(2), Now);
        job.Abandoned(Now);
        Assert.Equal(ImportStatus.Failed, job.Status);
        Assert.Contains("Stopped 3 times", job.Failure);
    }
}
