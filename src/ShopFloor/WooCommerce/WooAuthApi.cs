using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce;

/// <summary>
/// Connecting a WooCommerce store through its auth endpoint: <c>/woocommerce/connect?store=</c> (a signed-in owner)
/// sends the browser to the store's approval page; the store posts the new keys to <c>/woocommerce/auth/callback</c>
/// (no cookie: the request's sealed user_id is what is trusted) and sends the owner back to
/// <c>/woocommerce/auth/return</c>, which opens the store's page.
/// </summary>
public static class WooAuthApi
{
    public static void MapWooAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/woocommerce/connect", (string? store, long? location_id, WooAuthorization authorization) =>
                Results.Redirect(authorization.AuthorizeUrl(store, location_id).ToString()))
            .RequireAuthorization(Access.Team.OwnerPolicy).ExcludeFromDescription();
        app.MapPost(WooAuthorization.CallbackPath, async (WooGrantedKeys keys, WooAuthorization authorization, CancellationToken ct) =>
        {
            await authorization.AcceptAsync(keys, ct);
            return Results.Ok();
        }).ExcludeFromDescription();
        app.MapGet(WooAuthorization.ReturnPath, async (string? success, string? user_id, WooAuthorization authorization, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var url = authorization.StoreUrlOf(user_id);
            var store = success == "1" && url is not null ? await db.Set<WooStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Url == url, ct) : null;
            return Results.Redirect(store is null ? "/settings/integrations?woocommerce=not-connected" : $"/settings/integrations/woocommerce/{store.Id}");
        }).RequireAuthorization(Access.Team.OwnerPolicy).ExcludeFromDescription();
    }
}
