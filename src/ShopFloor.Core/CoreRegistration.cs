using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopFloor.Core.Access;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Making;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;

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
        services.AddScoped<Stocktakes>();
        services.AddScoped<ManufacturingOperations>();
        services.AddScoped<StockTransfers>();
        services.AddScoped<Recipes>();
        services.AddScoped<ItemEditor>();
        services.AddScoped<VariantList>();
        services.AddScoped<StockLevelList>();
        services.AddScoped<SalesAvailability>();
        services.AddScoped<IStockLevelObserver>(sp => sp.GetRequiredService<SalesAvailability>());
        services.AddScoped<SalesOrders>();
        services.AddScoped<ManufacturingOrders>();
        services.AddScoped<IngredientShortages>();
        services.AddScoped<IMakeToOrderLinks>(sp => sp.GetRequiredService<ManufacturingOrders>());
        services.AddScoped<PurchaseOrders>();
        services.AddScoped<SalesReturns>();
        services.AddScoped<ApiKeys>();
        return services;
    }
}
