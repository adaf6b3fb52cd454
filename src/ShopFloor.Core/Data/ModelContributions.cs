using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ShopFloor.Core.Data;

/// <summary>
/// Lets a module outside Core (the Shopify integration) add its entities to the one DbContext, so its rows commit in
/// the same transaction as the sales orders and stock they belong to, while Core never references it.
/// </summary>
public sealed record ModelContribution(Assembly ConfigurationsAssembly);

/// <summary>Models differ by the contributions they include, so the cache key names them.</summary>
internal sealed class ContributionAwareModelCacheKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), ((ShopFloorDbContext)context).ContributionKey, designTime);
}
