using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core;

public static class CoreRegistration
{
    public static IServiceCollection AddShopFloorCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShopFloorOptions>().BindConfiguration(ShopFloorOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddShopFloorDatabase(configuration);
        services.AddScoped<StockLevelLocks>();
        services.AddScoped<StockLedger>();
        services.AddScoped<StockAdjustments>();
        services.AddScoped<StockTransfers>();
        services.AddScoped<Recipes>();
        return services;
    }
}
