using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Bench.Sync;

/// <summary>
/// Issue 6 (b): one stock change (one adjustment of every variant) fanned out to N mapped Shopify levels; seconds
/// until the emulator has all of them, against the best the standard plan's rate limit allows from the bucket as
/// it was when the change was made.
/// </summary>
internal static class StockFanOutBenchmark
{
    public static async Task<int> RunAsync(int levels, string? postgres)
    {
        Console.WriteLine("| levels | database | bucket at the change | seconds | API points | calls | rate-limit bound (s) | seconds ÷ bound |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|");
        await using var shop = await SyncedShop.StartAsync(levels, postgres);
        var variants = await shop.InScopeAsync(sp => sp.GetRequiredService<ShopFloorDbContext>().Set<SkuLink>().Select(m => m.VariantId).ToListAsync());
        foreach (var (round, drained) in new[] { (1, false), (2, true) })
        {
            await Task.Delay(TimeSpan.FromSeconds(SyncedShop.BucketSize / SyncedShop.RestoreRate + 1)); // a full bucket again
            var bucket = shop.Emulator.Buckets.For(shop.Shop);
            var available = drained ? 0 : SyncedShop.BucketSize;
            if (drained)
                bucket.TryTake((int)bucket.TryTake(0).Status.CurrentlyAvailable);
            var pointsBefore = bucket.Taken;
            var watch = Stopwatch.StartNew();
            await shop.InScopeAsync(sp => sp.GetRequiredService<StockAdjustments>().CreateAsync(new CreateStockAdjustment(
                null, shop.LocationId, "benchmark", null, null, variants.Select(v => new AdjustmentRowInput(v, 5, null)).ToList()), CancellationToken.None));
            var adjusted = watch.Elapsed.TotalSeconds;
            while ((await shop.AvailableBySkuAsync()).Values.Any(v => v != 5 * round))
                await Task.Delay(50);
            var seconds = watch.Elapsed.TotalSeconds;
            var points = bucket.Taken - pointsBefore;
            var bound = Math.Max(0, points - available) / (double)SyncedShop.RestoreRate;
            Console.Error.WriteLine($"round {round}: adjustment of {levels:N0} rows committed in {adjusted:F2} s; all in Shopify after {seconds:F2} s");
            Console.WriteLine($"| {levels:N0} | {(postgres is null ? "SQLite" : "PostgreSQL")} | {(drained ? "empty" : "full")} | {seconds:F2} | {points:N0} | {points / 10:N0} | {bound:F2} | {(bound > 0 ? (seconds / bound).ToString("F2") + "×" : "—")} |");
        }
        return 0;
    }
}
