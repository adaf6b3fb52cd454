using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Mapping;
using ShopFloor.WooCommerce.Stock;
using ShopFloor.WooCommerce.Webhooks;

namespace ShopFloor.WooCommerce.Connection;

public sealed record ConnectWooStore(string? Url, string? ConsumerKey, string? ConsumerSecret, long? LocationId);

public sealed record WooConnection(WooStore Store, SkuLinkReport Skus, int StockSent);

/// <summary>
/// Connecting a WooCommerce store with its REST API keys (made in WooCommerce → Settings → Advanced → REST API, read/write):
/// the keys are tried, the store gets its ShopFloor location (a new one named after it unless one is given), its
/// products are linked by SKU, ShopFloor subscribes to its order and product webhooks, and its stock is set from
/// ShopFloor's. Connecting the same store again takes new keys and changes nothing else.
/// </summary>
public sealed class WooStores(ShopFloorDbContext db, WooClient woo, WooKeys keys, SkuLinks skus, WooWebhookSubscriptions webhooks,
    WooStockPush stock, ImportJobs jobs, TimeProvider clock)
{
    /// <summary>Queues a job of a connected store: products (its catalogue into ShopFloor), customers, or reconcile (every linked level set right).</summary>
    public async Task<ImportJob> StartJobAsync(long storeId, ImportType type, CancellationToken ct)
    {
        if (type is not (ImportType.Products or ImportType.Customers or ImportType.Reconcile))
            throw new ValidationFailedException("type", "must be products, customers or reconcile");
        var store = await db.Set<WooStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct) ?? throw new NotFoundException("WooCommerce store", storeId);
        if (!store.SyncActive)
            throw new DomainException("The store is disconnected; connect it again first.");
        return await jobs.EnqueueAsync(WooChannel.Store(storeId), store.Url, type, ct);
    }

    public async Task<WooConnection> ConnectAsync(ConnectWooStore command, CancellationToken ct)
    {
        var url = SiteUrl(command.Url);
        if (string.IsNullOrWhiteSpace(command.ConsumerKey) || string.IsNullOrWhiteSpace(command.ConsumerSecret))
            throw new ValidationFailedException("consumer_key", "the store's REST API consumer key and secret are both required");
        var credentials = new WooCredentials(WooKeys.ApiBaseOf(url), command.ConsumerKey.Trim(), command.ConsumerSecret.Trim());
        await TryKeysAsync(credentials, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var store = await db.Set<WooStore>().FirstOrDefaultAsync(s => s.Url == url, ct);
        if (store is null)
        {
            var name = new Uri(url) is var site && site.AbsolutePath.Length > 1 ? site.Host + site.AbsolutePath : site.Host;
            store = db.Add(new WooStore(url, name, await LocationAsync(command.LocationId, $"WooCommerce {name}", now, ct),
                keys.Protect(credentials.ConsumerKey, credentials.ConsumerSecret), keys.ProtectSecret(NewSecret()), now)).Entity;
            store.OrdersCheckedUntil = now;
        }
        else
            store.Reconnect(keys.Protect(credentials.ConsumerKey, credentials.ConsumerSecret));
        await db.SaveChangesAsync(ct);

        var linked = await skus.RefreshAsync(store, ct);
        await webhooks.SubscribeAsync(store, ct);
        var links = await db.LinksOf(WooChannel.Store(store.Id)).ToListAsync(ct);
        var sent = await stock.PushAsync(store, links, force: true, ct);
        await db.SaveChangesAsync(ct);
        return new WooConnection(store, linked, sent.Sent);
    }

    public async Task DisconnectAsync(long storeId, CancellationToken ct)
    {
        var store = await db.Set<WooStore>().FirstOrDefaultAsync(s => s.Id == storeId, ct) ?? throw new NotFoundException("WooCommerce store", storeId);
        store.Disconnect();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The location asked for, or a new one named after the store: WooCommerce has no locations of its own.</summary>
    private async Task<long> LocationAsync(long? given, string name, DateTime now, CancellationToken ct)
    {
        if (given is { } id)
            return await db.Locations.AnyAsync(l => l.Id == id, ct) ? id : throw new ValidationFailedException("location_id", $"location {id} does not exist");
        var location = db.Add(new Location(name, now)).Entity;
        await db.SaveChangesAsync(ct);
        return location.Id;
    }

    private async Task TryKeysAsync(WooCredentials credentials, CancellationToken ct)
    {
        try
        {
            await woo.GetAsync<List<WooProduct>>(credentials, "products?per_page=1", ct);
        }
        catch (WooException e) when (e.KeysRefused)
        {
            throw new ValidationFailedException("consumer_key", "the store refused these keys: make a read/write REST API key in WooCommerce → Settings → Advanced → REST API");
        }
        catch (Exception e) when (e is WooException or HttpRequestException or TaskCanceledException)
        {
            throw new ValidationFailedException("url", $"no WooCommerce REST API answered at {credentials.ApiBase}: {e.Message}");
        }
    }

    public static string SiteUrl(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new ValidationFailedException("url", "must be the store's address, such as https://shop.example.com");
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
