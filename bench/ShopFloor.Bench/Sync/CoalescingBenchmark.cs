using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Outbox;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Bench.Sync;

/// <summary>
/// Issue 6 (c): many stock changes to one item; how many writes (inventorySetQuantities calls) reach Shopify, and
/// whether the last value arrives. First 1,000 real changes (stock adjustments through the ledger) as fast as
/// ShopFloor takes them, then 1,000 changes' events inside exactly one second: one real change plus 999 of the
/// outbox events the ledger writes for each change, paced a millisecond apart.
/// </summary>
internal static class CoalescingBenchmark
{
    private const int Changes = 1_000;

    public static async Task<int> RunAsync(string? postgres)
    {
        Console.WriteLine("| database | burst | changes | burst (s) | writes to Shopify | final value right | seconds to final value |");
        Console.WriteLine("|---|---|---:|---:|---:|---|---:|");
        await using var shop = await SyncedShop.StartAsync(10, postgres);
        var variant = await shop.InScopeAsync(sp => sp.GetRequiredService<ShopFloorDbContext>().Set<SkuLink>().Where(m => m.Sku == "SKU-0").Select(m => m.VariantId).FirstAsync());
        var clients = postgres is null ? 1 : 8;
        var done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref done) <= Changes)
                await shop.InScopeAsync(sp => sp.GetRequiredService<StockAdjustments>().CreateAsync(new CreateStockAdjustment(
                    null, shop.LocationId, "benchmark", null, null, [new AdjustmentRowInput(variant, 1, null)]), CancellationToken.None));
        })));
        var database = postgres is null ? "SQLite" : "PostgreSQL";
        Console.WriteLine(await ResultAsync(shop, $"{database}", $"adjustments, {clients} client(s)", watch, Changes, 0));

        // The same number of changes inside one second: one adjustment moves the stock, the rest are its events again.
        var writesBefore = await WritesAsync(shop);
        watch.Restart();
        await shop.InScopeAsync(sp => sp.GetRequiredService<StockAdjustments>().CreateAsync(new CreateStockAdjustment(
            null, shop.LocationId, "benchmark", null, null, [new AdjustmentRowInput(variant, Changes, null)]), CancellationToken.None));
        await shop.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShopFloorDbContext>();
            for (var i = 1; i < Changes; i++)
            {
                var due = TimeSpan.FromMilliseconds(i);
                if (due > watch.Elapsed)
                    await Task.Delay(due - watch.Elapsed);
                db.OutboxMessages.Add(new InventoryChanged(variant, shop.LocationId).ToMessage(DateTime.UtcNow));
                await db.SaveChangesAsync();
            }
            return true;
        });
        Console.WriteLine(await ResultAsync(shop, database, "events within 1 s", watch, 2 * Changes, writesBefore));
        return 0;
    }

    private static async Task<string> ResultAsync(SyncedShop shop, string database, string burstKind, Stopwatch watch, long expected, int writesBefore)
    {
        var burst = watch.Elapsed.TotalSeconds;
        while ((await shop.AvailableBySkuAsync())["SKU-0"] != expected)
            await Task.Delay(20);
        var settled = watch.Elapsed.TotalSeconds;
        await Task.Delay(3_000); // anything still on its way
        var writes = await WritesAsync(shop) - writesBefore;
        var final = (await shop.AvailableBySkuAsync())["SKU-0"] == expected;
        return $"| {database} | {burstKind} | {Changes:N0} | {burst:F2} | {writes} | {(final ? "yes" : "no")} | {settled:F2} |";
    }

    /// <summary>inventorySetQuantities calls so far, from the sync log's "Available set for … in N calls" lines.</summary>
    private static Task<int> WritesAsync(SyncedShop shop) => shop.InScopeAsync(async sp =>
        (await sp.GetRequiredService<ShopFloorDbContext>().Set<SyncLogEntry>()
            .Where(e => e.Subject == "stock" && e.Outcome == SyncOutcome.Ok).Select(e => e.Message).ToListAsync())
        .Sum(m => int.Parse(m.Split(" in ")[1].Split(' ')[0])));
}
