using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShopFloor.Core.Data;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Data;

/// <summary>
/// Upgrading keeps what is stored: a database at the migration before the sync log, the import jobs and the SKU links
/// became channel-neutral, holding a Shopify store's log line, job and SKU mappings and a WooCommerce store's product
/// links, is migrated to the latest version on both databases.
/// </summary>
public sealed class UpgradeMigrationTests
{
    private static readonly ModelContribution[] Contributions =
        [new(typeof(ShopFloor.Shopify.ShopifyRegistration).Assembly), new(typeof(ShopFloor.WooCommerce.WooRegistration).Assembly)];

    [Fact] // R-IMP-2: the sync log, import jobs and SKU links of both channels carry over into the shared tables (SQLite)
    public async Task Stores_logs_jobs_and_sku_links_survive_the_upgrade_on_SQLite()
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
    public async Task Stores_logs_jobs_and_sku_links_survive_the_upgrade_on_PostgreSQL()
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
            "INSERT INTO shopify_sku_mappings (store_id, shopify_product_id, shopify_variant_id, shopify_inventory_item_id, sku, variant_id, created_at, updated_at) " +
            $"VALUES (7, 'gid://shopify/Product/1', 'gid://shopify/ProductVariant/11', 'gid://shopify/InventoryItem/111', 'MUG-RED', 5, {now}, {now})",
            "INSERT INTO shopify_sku_mappings (store_id, shopify_product_id, shopify_variant_id, shopify_inventory_item_id, sku, variant_id, created_at, updated_at) " +
            $"VALUES (7, '', 'gid://shopify/ProductVariant/12', '', 'MUG-BLUE', 6, {now}, {now})",
            "INSERT INTO woo_product_link (store_id, variant_id, woo_product_id, woo_variation_id, sku, pushed_quantity) VALUES (3, 5, 20, 21, 'MUG-RED', 4)",
            "INSERT INTO woo_product_link (store_id, variant_id, woo_product_id, woo_variation_id, sku, pushed_quantity) VALUES (3, 8, 30, NULL, 'CANDLE', 2)",
            // The same simple product linked again to a newer variant of its SKU: the newer link is the one kept.
            "INSERT INTO woo_product_link (store_id, variant_id, woo_product_id, woo_variation_id, sku, pushed_quantity) VALUES (3, 9, 30, NULL, 'CANDLE', 7)",
        ];
        foreach (var row in rows)
            await db.Database.ExecuteSqlRawAsync(row, "{\"created\":3}", "[]");
        await migrator.MigrateAsync(); // on the same connection, still without foreign-key checks: no variants were made
        await db.Database.CloseConnectionAsync();

        var line = await db.Set<Core.Channels.SyncLog.SyncLogEntry>().AsNoTracking().SingleAsync();
        Assert.Equal(("shopify", 7L, "order #1001 imported", "#1001"), (line.Channel, line.StoreId, line.Message, line.Reference));
        var job = await db.Set<Core.Channels.Jobs.ImportJob>().AsNoTracking().SingleAsync();
        Assert.Equal((41L, "shopify", 7L, Core.Channels.Jobs.ImportStatus.Succeeded, 3), (job.Id, job.Channel, job.StoreId, job.Status, job.Counts["created"]));
        var next = new Core.Channels.Jobs.ImportJob(new("woocommerce", 1), Core.Channels.Jobs.ImportType.Products, DateTime.UtcNow);
        db.Add(next);
        await db.SaveChangesAsync();
        Assert.True(next.Id > 41);

        var links = await db.Set<Core.Channels.Links.SkuLink>().AsNoTracking().OrderBy(l => l.Channel).ThenBy(l => l.StoreItemId).ToListAsync();
        Assert.Equal(
            [
                ("shopify", 7L, "gid://shopify/Product/1", "gid://shopify/ProductVariant/11", (string?)"gid://shopify/InventoryItem/111", "MUG-RED", 5L, (int?)null),
                ("shopify", 7L, "", "gid://shopify/ProductVariant/12", null, "MUG-BLUE", 6L, null),
                ("woocommerce", 3L, "20", "21", null, "MUG-RED", 5L, 4),
                ("woocommerce", 3L, "30", "30", null, "CANDLE", 9L, 7),
            ],
            links.Select(l => (l.Channel, l.StoreId, l.StoreProductId, l.StoreItemId, l.StoreStockItemId, l.Sku, l.VariantId, l.PushedQuantity)));
    }
}
