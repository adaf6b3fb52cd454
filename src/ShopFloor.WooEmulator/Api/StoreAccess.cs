using ShopFloor.WooEmulator.Store;

namespace ShopFloor.WooEmulator.Api;

public static class StoreAccess
{
    /// <summary>Runs a request's work on its store holding the store's gate, as every change must.</summary>
    public static async Task<IResult> InStoreAsync(HttpContext http, Func<WooStore, IResult> work)
    {
        var store = WooAuth.StoreOf(http);
        await store.Gate.WaitAsync(http.RequestAborted);
        try
        {
            return work(store);
        }
        finally
        {
            store.Gate.Release();
        }
    }
}
