using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Core.Data;
using ShopFloor.ShopifyEmulator;

namespace ShopFloor.Tests.Infrastructure;

/// <summary>What tests drive: a ShopFloor host, its API, its database and the emulated stores it talks to.</summary>
public interface IShopFloorHost
{
    EmulatorServer Emulator { get; }

    ApiClient Api();

    Task<T> WithDbAsync<T>(Func<ShopFloorDbContext, Task<T>> read);
}

/// <summary>ShopFloor in-process on a fresh database of its own; one per test class and database kind.</summary>
public abstract class ShopFloorApp : WebApplicationFactory<Program>, IAsyncLifetime, IShopFloorHost
{
    public const string ApiKey = "test-api-key";
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-test-" + Guid.NewGuid().ToString("N")[..8]);
    private string? _postgres;

    /// <summary>On a real port, so the emulator can deliver webhooks to it as Shopify would.</summary>
    protected ShopFloorApp() => UseKestrel(0);

    public abstract string DatabaseKind { get; }

    /// <summary>Where the app listens (a free loopback port).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public ApiClient Api() => new(CreateClient(), ApiKey);

    public async Task<T> WithDbAsync<T>(Func<ShopFloorDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>());
    }

    /// <summary>A Shopify store emulator the app's Shopify calls go to.</summary>
    public EmulatorServer Emulator { get; private set; } = null!;

    /// <summary>False for fixtures whose tests start and stop their own instances on the shared database.</summary>
    protected virtual bool StartsServer => true;

    public virtual async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync(o => o.WebhookFirstRetry = TimeSpan.FromMilliseconds(100));
        if (DatabaseKind == "postgres")
            _postgres = await PostgresCluster.Shared.CreateDatabaseAsync();
        if (StartsServer)
            StartServer(); // starts the host, which migrates the database
    }

    /// <summary>Another ShopFloor process on the same database and stores, on the given port (0: any free one).</summary>
    public ShopFloorInstance StartInstance(int port = 0)
    {
        var instance = new ShopFloorInstance(this, port);
        instance.StartServer();
        return instance;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => Configure(builder);

    internal void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("ShopFloor:DataDir", _dataDir);
        builder.UseSetting("ShopFloor:BootstrapApiKey", ApiKey);
        builder.UseSetting("ShopFloor:Demo", "false");
        builder.UseSetting("ShopFloor:Shopify:AdminUrlTemplate", Emulator.BaseAddress.ToString().TrimEnd('/'));
        builder.UseSetting("ShopFloor:Shopify:ApiKey", Emulator.Shops.ApiKey);
        builder.UseSetting("ShopFloor:Shopify:ApiSecret", Emulator.Shops.ApiSecret);
        builder.UseSetting("ShopFloor:Shopify:RequestTimeout", "00:00:02");
        builder.UseSetting("ShopFloor:Imports:PollInterval", "00:00:00.100");
        builder.UseSetting("ShopFloor:Sync:PollInterval", "00:00:00.050");
        builder.UseSetting("ShopFloor:Sync:StockCoalesceWindow", "00:00:00.200");
        builder.UseSetting("ShopFloor:Sync:FirstRetry", "00:00:00.200");
        builder.UseSetting("ShopFloor:Sync:CatchUpInterval", "01:00:00");
        builder.UseSetting("ShopFloor:Webhooks:PollInterval", "00:00:00.050");
        builder.UseSetting("ShopFloor:Webhooks:RetryDelays:0", "00:00:00.200");
        builder.UseSetting("ShopFloor:Webhooks:RetryDelays:1", "00:00:00.200");
        builder.UseSetting("ShopFloor:Webhooks:RetryDelays:2", "00:00:00.200");
        if (_postgres is not null)
            builder.UseSetting("ConnectionStrings:Postgres", _postgres);
        builder.UseSetting("ShopFloor:SetupCode", SetupCode);
        Tune(builder);
    }

    /// <summary>The first run's one-time code, fixed for tests (a real first run prints a random one).</summary>
    public const string SetupCode = "test-setup-code";

    /// <summary>Settings a fixture changes; by default sign-in is not rate limited, since tests sign in often.</summary>
    protected virtual void Tune(IWebHostBuilder builder) => builder.UseSetting("ShopFloor:SignInRateLimit:PermitsPerMinute", "100000");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Emulator.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One more host on a fixture's database and emulator: a second instance, or the same service restarted.</summary>
public sealed class ShopFloorInstance : WebApplicationFactory<Program>, IShopFloorHost
{
    private readonly ShopFloorApp _fixture;

    public ShopFloorInstance(ShopFloorApp fixture, int port)
    {
        _fixture = fixture;
        UseKestrel(port);
    }

    public EmulatorServer Emulator => _fixture.Emulator;

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public ApiClient Api() => new(CreateClient(), ShopFloorApp.ApiKey);

    public async Task<T> WithDbAsync<T>(Func<ShopFloorDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => _fixture.Configure(builder);
}

/// <summary>A database and an emulator with no host of their own: tests start and stop instances on them.</summary>
public sealed class SqliteInstances : ShopFloorApp
{
    public override string DatabaseKind => "sqlite";
    protected override bool StartsServer => false;
}

public sealed class PostgresInstances : ShopFloorApp
{
    public override string DatabaseKind => "postgres";
    protected override bool StartsServer => false;
}

public sealed class SqliteApp : ShopFloorApp
{
    public override string DatabaseKind => "sqlite";
}

public sealed class PostgresApp : ShopFloorApp
{
    public override string DatabaseKind => "postgres";
}
