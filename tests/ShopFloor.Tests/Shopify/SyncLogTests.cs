using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Shopify;

/// <summary>#18, R-SYNC-6: what the sync log is told is kept, whatever the use case after it does with its unit of work.</summary>
public abstract class SyncLogTests(ShopFloorApp app)
{
    [Fact]
    public async Task A_line_written_before_a_use_case_is_kept_and_a_long_one_is_cut_not_refused()
    {
        var stores = new ShopifyStores(app, app.Api());
        var (shop, token) = stores.NewStore();
        var storeId = Orders.Id(await stores.ConnectAsync(shop, token));
        var location = await new Shop(app.Api()).LocationAsync();
        var reference = "line-" + Shop.Unique();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<SyncLogWriter>();
            await log.InAsync(ShopifyChannel.Store(storeId), "order", SyncOutcome.Ok, "noted before the use case", reference, CancellationToken.None);
            // A use case starts from a clean unit of work (and, retried, from scratch): it must not take the line with it.
            await scope.ServiceProvider.GetRequiredService<SalesOrders>().CreateAsync(new CreateSalesOrder(
                null, location, null, true, false, null, null, []), CancellationToken.None);
            await log.OutAsync(ShopifyChannel.Store(storeId), "stock", SyncOutcome.Failed, new string('x', 5_000), reference, CancellationToken.None);
        }

        var lines = await app.WithDbAsync(db => db.Set<SyncLogEntry>().AsNoTracking().Where(e => e.Reference == reference).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, lines.Count);
        Assert.Equal("noted before the use case", lines[0].Message);
        Assert.Equal(400, lines[1].Message.Length); // the column's length: cut, where it used to fail on PostgreSQL
        Assert.EndsWith("…", lines[1].Message);
        var api = (await app.Api().GetAsync($"/v1/shopify/stores/{storeId}/sync_log")).GetProperty("data");
        Assert.Contains(api.EnumerateArray(), e => e.GetProperty("message").GetString() == "noted before the use case");
    }
}

public sealed class SyncLogOnSqlite(SqliteApp app) : SyncLogTests(app), IClassFixture<SqliteApp>;

public sealed class SyncLogOnPostgres(PostgresApp app) : SyncLogTests(app), IClassFixture<PostgresApp>;
