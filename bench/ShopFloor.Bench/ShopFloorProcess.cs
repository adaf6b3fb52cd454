using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ShopFloor.Bench;

/// <summary>The real ShopFloor (its Release build) in a process of its own, on a free port and a fresh data folder.</summary>
internal sealed class ShopFloorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;
    private readonly bool _keepData;

    private ShopFloorProcess(Process process, string dataDir, bool keepData, Uri address)
    {
        _process = process;
        _dataDir = dataDir;
        _keepData = keepData;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The process's resident memory now (VmRSS), in MiB.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <param name="dataDir">An existing data folder to run on (kept afterwards); none: a fresh one, deleted afterwards.</param>
    public static async Task<ShopFloorProcess> StartAsync(string? postgres, IReadOnlyDictionary<string, string>? settings = null, string? dataDir = null)
    {
        var dll = Path.Combine(RepoRoot(), "src", "ShopFloor", "bin", "Release", "net10.0", "ShopFloor.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"Build ShopFloor first: dotnet build -c Release ({dll} is missing).");
        var port = FreePort();
        var keepData = dataDir is not null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "shopfloor-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ShopFloor__DataDir"] = dataDir;
        start.Environment["ShopFloor__Demo"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (postgres is not null)
            start.Environment["ConnectionStrings__Postgres"] = postgres;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        // SHOPFLOOR_BENCH_LOG=file keeps ShopFloor's console output, to see what a run did (e.g. with EF Core's command log on).
        if (Environment.GetEnvironmentVariable("SHOPFLOOR_BENCH_LOG") is { Length: > 0 } log)
        {
            var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
            process.OutputDataReceived += (_, e) => writer.WriteLine(e.Data);
        }
        else
            process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new ShopFloorProcess(process, dataDir, keepData, new Uri($"http://127.0.0.1:{port}"));
        await running.WaitUntilUpAsync();
        return running;
    }

    public HttpClient Client(int connections = 64) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = Address };

    /// <summary>A client of the REST API, signed in with an API key.</summary>
    public HttpClient Api(string apiKey)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private async Task WaitUntilUpAsync()
    {
        using var http = Client();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("ShopFloor did not start in 30 s.");
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ShopFloor.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (!_keepData)
            try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
