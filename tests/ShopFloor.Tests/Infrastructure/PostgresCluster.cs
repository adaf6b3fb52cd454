using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ShopFloor.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb into a temp folder, started on a free loopback port,
/// stopped and deleted when the run ends. Each test fixture gets a database of its own.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> SharedCluster = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _dataDir;
    private readonly int _port;

    private PostgresCluster(string dataDir, int port)
    {
        _dataDir = dataDir;
        _port = port;
    }

    public static PostgresCluster Shared => SharedCluster.Value;

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "shopfloor_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;Timeout=30";

    private static PostgresCluster Start()
    {
        var initdb = FindOnPath("initdb") ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) are not on PATH. Install them (Debian: apt-get install postgresql-15, " +
            "then add /usr/lib/postgresql/15/bin to PATH); the test suite runs every integration test on PostgreSQL too.");
        var pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        var dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
            Run("chown", ["postgres:postgres", dataDir], asPostgres: false);

        Run(initdb, ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"], asPostgres);
        var port = FreePort();
        Run(pgCtl, ["-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"],
            asPostgres);
        var cluster = new PostgresCluster(dataDir, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(pgCtl, asPostgres);
        return cluster;
    }

    private void Stop(string pgCtl, bool asPostgres)
    {
        try
        {
            Run(pgCtl, ["-D", _dataDir, "-m", "immediate", "-w", "stop"], asPostgres);
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Could not remove the test cluster at {_dataDir}: {e.Message}");
        }
    }

    private static void Run(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
            foreach (var a in new[] { "-u", "postgres", "--", file })
                start.ArgumentList.Add(a);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            throw new InvalidOperationException($"{file} did not finish in 90 s.");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
