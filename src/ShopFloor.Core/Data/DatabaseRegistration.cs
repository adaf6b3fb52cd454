using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Outbox;

namespace ShopFloor.Core.Data;

public static class DatabaseRegistration
{
    /// <summary>PostgreSQL when ConnectionStrings:Postgres is set, otherwise SQLite in the data folder.</summary>
    public static IServiceCollection AddShopFloorDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<WorkSignals>();
        services.AddSingleton<OutboxSignalInterceptor>();
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
            return services.AddDbContext<ShopFloorDbContext, PostgresShopFloorDbContext>((provider, options) =>
                UsePostgres(options, postgres).AddInterceptors(provider.GetRequiredService<OutboxSignalInterceptor>()));

        services.AddSingleton<SqlitePragmas>();
        return services.AddDbContext<ShopFloorDbContext, SqliteShopFloorDbContext>((provider, options) =>
        {
            var dataDir = provider.GetRequiredService<IOptions<ShopFloorOptions>>().Value.DataDir;
            UseSqlite(options, SqliteConnectionString(dataDir))
                .AddInterceptors(provider.GetRequiredService<SqlitePragmas>(), provider.GetRequiredService<OutboxSignalInterceptor>());
        });
    }

    public static string SqliteConnectionString(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        return $"Data Source={Path.Combine(Path.GetFullPath(dataDir), "shopfloor.db")};Default Timeout=30";
    }

    // Id lists (Contains) travel as one array or JSON parameter: one SQL text and one plan whatever their length;
    // EF's default of one parameter per id made a 10,000-row stock change spend seconds building SQL.
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithPreparedStatements(connectionString), npgsql => npgsql.EnableRetryOnFailure().UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ContributionAwareModelCacheKey>();

    /// <summary>
    /// The statements ShopFloor repeats (an order's import runs the same twenty or so for every order) are prepared
    /// on each connection after their second use, so PostgreSQL parses and plans them once, not on every call. An
    /// operator's own Max Auto Prepare in the connection string wins.
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        if (connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            return connectionString;
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxAutoPrepare = 100;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)
                .ExecutionStrategy(dependencies => new SqliteBusyRetryStrategy(dependencies))).UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ContributionAwareModelCacheKey>();
}
