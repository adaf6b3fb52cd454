using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShopFloor.Core.Data;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Data;

/// <summary>
/// Upgrading keeps what is stored: a database at the migration before the sync log and the import jobs became
/// channel-neutral, holding a Shopify store's log line and job, is migrated to the latest version on both databases.
/// </summary>
public sealed class UpgradeMigrationTests
{
    private static readonly ModelContribution[] Contributions =
        [new(typeof(ShopFloor.Shopify.ShopifyRegistration).Assembly), new(typeof(ShopFloor.WooCommerce.WooRegistration).Assembly)];

    [Fact] // the sync log and the import jobs of a Shopify store carry over into the channel-neutral tables (SQLite)
    public async Task A_Shopify_stores_log_and_jobs_survive_the_upgrade_on_SQLite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"shopfloor-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            var options = DatabaseRegistration.UseSqlite(new DbContextOptionsBuilder<SqliteShopFloorDbContext>(), $"Data Source={file};Foreign Keys=False");
            await using var db = new SqliteShopFloorDbContext((DbContextOptions<SqliteShopFloorDbContext>)options.Options, Contributions);
            await UpgradeAsync(db, "'2026-12-01 10:00:00'");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact] // the same on PostgreSQL, where the carried jobs keep their ids and new ones are numbered after them
    public async Task A_Shopify_stores_log_and_jobs_survive_the_upgrade_on_PostgreSQL()
    {
        var options = DatabaseRegistration.UsePostgres(new DbContextOptionsBuilder<PostgresShopFloorDbContext>(), await PostgresCluster.Shared.CreateDatabaseAsync());
        await using var db = new PostgresShopFloorDbContext((DbContextOptions<PostgresShopFloorDbContext>)options.Options, Contributions);
        await UpgradeAsync(db, "now()", "SET session_replication_role = replica");
    }

    private static async Task UpgradeAsync(ShopFloorDbContext db, string now, string? withoutForeignKeys = null)
    {
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_WooCommerceStores", StringComparison.Ordinal)));
        await db.Database.OpenConnectionAsync();
        if (withoutForeignKeys is not null)
            await db.Database.ExecuteSqlRawAsync(withoutForeignKeys); // the store row the lines belong to is not the point here
        // Written as the previous version's tables held them (the time function is the database's own).
        string[] rows =
        [
            $"INSERT INTO shopify_sync_log (store_id, at, direction, subject, outcome, message, reference) VALUES (7, {now}, 'In', 'order', 'Ok', 'order #1001 imported', '#1001')",
            "INSERT INTO shopify_import_jobs (id, store_id, type, status, done, total, counts, errors, cursor, attempts, leased_until, failure, created_at, started_at, finished_at) " +
            $"VALUES (41, 7, 'Products', 'Succeeded', 3, 3, {{0}}, {{1}}, NULL, 1, NULL, NULL, {now}, {now}, {now})",
        ];
        foreach (var row in rows)
            await db.Database.ExecuteSqlRawAsync(row, "{\"created\":3}", "[]");
        await db.Database.CloseConnectionAsync();

        await migrator.MigrateAsync();

        var line = await db.Set<Core.Channels.SyncLog.SyncLogEntry>().AsNoTracking().SingleAsync();
        Assert.Equal(("shopify", 7L, "order #1001 imported", "#1001"), (line.Channel, line.StoreId, line.Message, line.Reference));
        var job = await db.Set<Core.Channels.Jobs.ImportJob>().AsNoTracking().SingleAsync();
        Assert.Equal((41L, "shopify", 7L, Core.Channels.Jobs.ImportStatus.Succeeded, 3), (job.Id, job.Channel, job.StoreId, job.Status, job.Counts["created"]));
        var next = new Core.Channels.Jobs.ImportJob(new("woocommerce", 1), Core.Channels.Jobs.ImportType.Products, DateTime.UtcNow);
        db.Add(next);
        await db.SaveChangesAsync();
        Assert.True(next.Id > 41);
    }
}
