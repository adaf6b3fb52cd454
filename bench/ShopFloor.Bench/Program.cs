// ShopFloor benchmarks. Results go to BENCHMARKS.md (see its header for how each was run).
//   dotnet run -c Release --project bench/ShopFloor.Bench -- ledger [sizes, default 10000,100000]
//   dotnet run -c Release --project bench/ShopFloor.Bench -- orders
//   dotnet run -c Release --project bench/ShopFloor.Bench -- import [sizes, default 10000,50000]
//   dotnet run -c Release --project bench/ShopFloor.Bench -- intake sqlite|postgres [deliveries, default 20000]
//   dotnet run -c Release --project bench/ShopFloor.Bench -- fanout sqlite|postgres [levels, default 10000]
//   dotnet run -c Release --project bench/ShopFloor.Bench -- coalesce sqlite|postgres
//   dotnet run -c Release --project bench/ShopFloor.Bench -- pages [variants, default 100000]
//   dotnet run -c Release --project bench/ShopFloor.Bench -- footprint [variants, default 100000] [starts, default 3]
//   dotnet run -c Release --project bench/ShopFloor.Bench -- flashsale sqlite|postgres [rates, default 20,50,100] [seconds per rate, default 120] [instances, default 1; several need postgres] [other variants ShopFloor holds, default 0; sqlite only]
using ShopFloor.Bench.Footprint;
using ShopFloor.Bench.Imports;
using ShopFloor.Bench.Ledger;
using ShopFloor.Bench.Orders;
using ShopFloor.Bench.Pages;
using ShopFloor.Bench.Sync;
using ShopFloor.Tests.Infrastructure;

return args switch
{
    ["orders"] => await OrdersBenchmark.RunAsync(),
    ["import", ..] => await ProductImportBenchmark.RunAsync(args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [10_000, 50_000]),
    ["ledger", ..] => await LedgerBenchmark.RunAsync(args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [10_000, 100_000]),
    ["intake", var db, ..] => await WebhookIntakeBenchmark.RunAsync(args.Length > 2 ? int.Parse(args[2]) : 20_000, await DatabaseAsync(db)),
    ["fanout", var db, ..] => await StockFanOutBenchmark.RunAsync(args.Length > 2 ? int.Parse(args[2]) : 10_000, await DatabaseAsync(db)),
    ["coalesce", var db] => await CoalescingBenchmark.RunAsync(await DatabaseAsync(db)),
    ["flashsale", var db, ..] => await FlashSaleBenchmark.RunAsync(await DatabaseAsync(db),
        args.Length > 2 ? args[2].Split(',').Select(int.Parse).ToArray() : [20, 50, 100], TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3]) : 120),
        args.Length > 4 ? int.Parse(args[4]) : 1, args.Length > 5 ? int.Parse(args[5]) : 0),
    ["footprint", ..] => await FootprintBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100_000, args.Length > 2 ? int.Parse(args[2]) : 3),
    ["pages", ..] => await PageQueriesBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100_000),
    _ => Usage(),
};

/// <summary>null for SQLite; a database on a throwaway PostgreSQL cluster otherwise.</summary>
static async Task<string?> DatabaseAsync(string kind) =>
    kind == "postgres" ? await PostgresCluster.Shared.CreateDatabaseAsync() : null;

static int Usage()
{
    Console.Error.WriteLine("usage: ShopFloor.Bench ledger [10000,100000] | orders | import [10000,50000] | intake|fanout|coalesce|flashsale sqlite|postgres | pages [100000] | footprint [100000] [3]");
    return 2;
}
