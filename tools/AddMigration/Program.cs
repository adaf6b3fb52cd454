// Scaffolds an EF Core migration for both providers (the dotnet-ef tool is not on this project's package feed).
// Usage: dotnet run --project tools/AddMigration -- <MigrationName>
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using ShopFloor.Core.Data;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: AddMigration <MigrationName>");
    return 2;
}

// The migrations cover every module that adds entities to the one DbContext.
ModelContribution[] contributions = [new(typeof(ShopFloor.Shopify.ShopifyRegistration).Assembly), new(typeof(ShopFloor.WooCommerce.WooRegistration).Assembly)];
var coreDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/ShopFloor.Core"));
Scaffold(
    new SqliteShopFloorDbContext(new DbContextOptionsBuilder<SqliteShopFloorDbContext>()
        .UseSqlite("Data Source=:memory:").UseSnakeCaseNamingConvention().ReplaceService<IModelCacheKeyFactory, ContributionKey>().Options, contributions),
    services => new SqliteDesignTimeServices().ConfigureDesignTimeServices(services),
    "Sqlite");
Scaffold(
    new PostgresShopFloorDbContext(new DbContextOptionsBuilder<PostgresShopFloorDbContext>()
        .UseNpgsql("Host=unused").UseSnakeCaseNamingConvention().ReplaceService<IModelCacheKeyFactory, ContributionKey>().Options, contributions),
    services => new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services),
    "Postgres");
return 0;

void Scaffold(DbContext context, Action<IServiceCollection> addProviderServices, string provider)
{
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(context);
    addProviderServices(services);
    var scaffolder = services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[0], "ShopFloor.Core", $"Data.Migrations.{provider}");
    var files = scaffolder.Save(coreDir, migration, Path.Combine(coreDir, "Data", "Migrations", provider));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}

/// <summary>Same cache key rule as the app: the model depends on the contributions it includes.</summary>
internal sealed class ContributionKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), designTime, "with-contributions");
}
