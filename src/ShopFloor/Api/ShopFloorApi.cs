using ShopFloor.Access;
using ShopFloor.Buying;
using ShopFloor.Catalog;
using ShopFloor.Core.Catalog;
using ShopFloor.Customers;
using ShopFloor.Inventory;
using ShopFloor.Making;
using ShopFloor.Returns;
using ShopFloor.Sales;
using ShopFloor.Shopify;
using ShopFloor.Webhooks;
using ShopFloor.WooCommerce;

namespace ShopFloor.Api;

public static class ShopFloorApi
{
    /// <summary>The Katana-shaped REST API under /v1; every route needs an API key.</summary>
    public static void MapShopFloorApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").RequireAuthorization(SignIn.ApiPolicy).AddEndpointFilter<UnknownFilterGuard>().AddEndpointFilter<NullEntryGuard>();
        v1.MapItems("/products", ItemKind.Product);
        v1.MapItems("/materials", ItemKind.Material);
        v1.MapItems("/services", ItemKind.Service);
        v1.MapVariants();
        v1.MapBomRows();
        v1.MapRecipes();
        v1.MapLocations();
        v1.MapSuppliers();
        v1.MapSupplierAddresses();
        v1.MapCustomers();
        v1.MapInventory();
        v1.MapStockAdjustments();
        v1.MapStockTransfers();
        v1.MapStocktakes();
        v1.MapSalesOrders();
        v1.MapSalesOrderFulfillments();
        v1.MapTaxRates();
        v1.MapManufacturingOrders();
        v1.MapProductions();
        v1.MapManufacturingRecipeRows();
        v1.MapOperationRows();
        v1.MapPurchaseOrders();
        v1.MapPurchaseOrderCostRows();
        v1.MapAdditionalCosts();
        v1.MapSalesReturns();
        v1.MapShopifyStores();
        v1.MapWooStores();
        v1.MapWebhooks();
    }
}
