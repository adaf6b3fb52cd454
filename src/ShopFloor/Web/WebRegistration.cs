using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace ShopFloor.Web;

/// <summary>The Blazor web app (server interactivity, MudBlazor) on the same services the REST API uses.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddShopFloorWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Messages appear at the bottom, where they cover none of the header's buttons.
        services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        services.AddScoped<Operations>();
        services.AddScoped<Sales.SellList>();
        services.AddScoped<Shopify.StoreView>();
        services.AddScoped<WooCommerce.WooStoreView>();
        services.AddScoped<Lookups>();
        services.AddScoped<Customers.CustomerDirectory>();
        services.AddScoped<Catalog.SupplierDirectory>();
        services.AddScoped<Catalog.LocationDirectory>();
        services.AddScoped<Sales.SalesOrderDetails>();
        services.AddScoped<Returns.ReturnsList>();
        services.AddScoped<Buying.PurchaseOrdersList>();
        services.AddScoped<Making.ManufacturingOrdersList>();
        return services;
    }

    public static void MapShopFloorWeb(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<Core.Access.ShopFloorUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form is missing its antiforgery token.");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).DisableAntiforgery().ExcludeFromDescription(); // checked above: the middleware only records the result here

    }
}
