using ShopFloor.WooEmulator.Store;
using static ShopFloor.WooEmulator.Api.StoreAccess;

namespace ShopFloor.WooEmulator.Api;

/// <summary>/customers: the registered customers, paged, by email; one by id.</summary>
public static class CustomersApi
{
    public static void MapCustomers(this RouteGroupBuilder api)
    {
        api.MapGet("/customers", (HttpContext http, string? email) => InStoreAsync(http, store =>
            WooPaging.Page(http, store.Customers.Where(c => email == null || string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Id).ToList(), c => Payloads.Customer(store, c))));
        api.MapGet("/customers/{id:long}", (HttpContext http, long id) => InStoreAsync(http, store =>
            store.Customers.FirstOrDefault(c => c.Id == id) is { } customer ? Results.Json(Payloads.Customer(store, customer)) : WooErrors.InvalidId("customer")));
    }
}
