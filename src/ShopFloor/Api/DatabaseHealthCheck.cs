using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShopFloor.Core.Data;

namespace ShopFloor.Api;

internal sealed class DatabaseHealthCheck(ShopFloorDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
