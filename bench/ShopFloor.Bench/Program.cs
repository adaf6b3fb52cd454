// ShopFloor benchmarks. Results go to BENCHMARKS.md (see its header for how each was run).
//   dotnet run -c Release --project bench/ShopFloor.Bench -- ledger [sizes, default 10000,100000]
//   dotnet run -c Release --project bench/ShopFloor.Bench -- orders
//   dotnet run -c Release --project bench/ShopFloor.Bench -- import [sizes, default 10000,50000]
using ShopFloor.Bench.Imports;
using ShopFloor.Bench.Ledger;
using ShopFloor.Bench.Orders;

return args switch
{
    ["orders"] => await OrdersBenchmark.RunAsync(),
    ["import", ..] => await ProductImportBenchmark.RunAsync(args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [10_000, 50_000]),
    ["ledger", ..] => await LedgerBenchmark.RunAsync(args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [10_000, 100_000]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ShopFloor.Bench ledger [10000,100000] | orders | import [10000,50000]");
    return 2;
}
