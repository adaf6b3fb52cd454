using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ShopFloor.Core.Data;

public static class DatabaseSetup
{
    /// <summary>Applies pending migrations (several instances on one PostgreSQL take EF's migration lock in turn).</summary>
    public static async Task MigrateShopFloorDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }
}
