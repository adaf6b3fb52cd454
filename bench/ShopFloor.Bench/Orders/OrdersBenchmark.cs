using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Sales;

namespace ShopFloor.Bench.Orders;

/// <summary>
/// Issue 3's goal: with many open sales orders competing for stock, creating one more order and re-ranking one
/// stay under 20 ms at p99, independent of the open orders that do not share their variants. Two sizes with the
/// same density (10 open orders per variant): 1,000 orders on 100 variants and 10,000 orders on 1,000 variants.
/// </summary>
internal static class OrdersBenchmark
{
    private const int Measured = 1_000;

    public static async Task<int> RunAsync()
    {
        var results = new List<(int Orders, Summary Create, Summary Rerank)>();
        foreach (var (orders, variants) in new[] { (1_000, 100), (10_000, 1_000) })
            results.Add(await RunOneAsync(orders, variants));

        Console.WriteLine();
        Console.WriteLine("| open orders | variants | create p50 / p99 (ms) | re-rank p50 / p99 (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var (orders, create, rerank) in results)
            Console.WriteLine($"| {orders:N0} | {orders / 10:N0} | {create.P50:F2} / {create.P99:F2} | {rerank.P50:F2} / {rerank.P99:F2} |");
        return 0;
    }

    private static async Task<(int, Summary, Summary)> RunOneAsync(int orderCount, int variantCount)
    {
        await using var host = await BenchHost.StartAsync();
        var random = new Random(7);
        var (location, variants) = await host.InScopeAsync(sp => SeedAsync(sp, variantCount));
        var seed = Stopwatch.StartNew();
        var orderIds = new List<long>(orderCount);
        for (var i = 0; i < orderCount; i++)
            orderIds.Add(await CreateOrderAsync(host, location, variants, random));
        Console.Error.WriteLine($"{orderCount:N0} open orders created in {seed.Elapsed.TotalSeconds:F1} s");

        var create = await MeasureAsync(async () => orderIds.Add(await CreateOrderAsync(host, location, variants, random)));
        var rerank = await MeasureAsync(() => host.InScopeAsync(sp => sp.GetRequiredService<SalesOrders>().UpdateAsync(
            orderIds[random.Next(orderIds.Count)], new UpdateSalesOrder(null, null, null, null, random.Next(orderCount), null), CancellationToken.None)));
        Console.Error.WriteLine($"{orderCount:N0}: create p99 {create.P99:F2} ms, re-rank p99 {rerank.P99:F2} ms");
        return (orderCount, create, rerank);
    }

    private static async Task<Summary> MeasureAsync(Func<Task> action)
    {
        for (var i = 0; i < 100; i++)
            await action();
        var latencies = new List<double>(Measured);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Measured; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Summary.Of(latencies, total.Elapsed);
    }

    private static Task<long> CreateOrderAsync(BenchHost host, long location, List<long> variants, Random random) =>
        host.InScopeAsync(async sp => (await sp.GetRequiredService<SalesOrders>().CreateAsync(new CreateSalesOrder(
            null, location, null, true, false, null, null,
            [new SalesRowInput(variants[random.Next(variants.Count)], random.Next(1, 4), 10, null, null, null)]), CancellationToken.None)).Id);

    private static async Task<(long, List<long>)> SeedAsync(IServiceProvider services, int variantCount)
    {
        var db = services.GetRequiredService<ShopFloorDbContext>();
        var now = DateTime.UtcNow;
        var location = new Location("Warehouse", now);
        db.Locations.Add(location);
        var items = Enumerable.Range(0, variantCount).Select(i =>
        {
            var item = new Item(ItemKind.Product, $"Product {i}", now);
            item.AddVariant($"SKU-{i}", now);
            return item;
        }).ToList();
        db.Items.AddRange(items);
        await db.SaveChangesAsync();
        var variants = items.Select(i => i.Variants[0].Id).ToList();
        // Enough stock for about half the demand, so allotment has real work to do.
        await services.GetRequiredService<StockAdjustments>().CreateAsync(new CreateStockAdjustment(
            null, location.Id, "opening stock", null, null, variants.Select(v => new AdjustmentRowInput(v, 10, null)).ToList()), CancellationToken.None);
        return (location.Id, variants);
    }
}
