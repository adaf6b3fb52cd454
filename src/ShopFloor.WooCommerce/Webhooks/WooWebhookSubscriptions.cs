using ShopFloor.Core.Channels;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce.Webhooks;

/// <summary>
/// The store's webhooks to ShopFloor, one per topic, signed with the store's own secret. WooCommerce pings a new
/// webhook's address and disables a webhook after five failed deliveries, so connecting again re-enables ours.
/// </summary>
public sealed class WooWebhookSubscriptions(WooClient woo, WooKeys keys, AppAddress address)
{
    public static readonly string[] Topics = ["order.created", "order.updated", "order.deleted", "product.updated"];

    public const string PathPrefix = "/webhooks/woocommerce/";

    public Uri CallbackUrl(WooStore store) => address.Of(PathPrefix + WooInbox.StoreKey(store.Id));

    public async Task<IReadOnlyList<string>> SubscribeAsync(WooStore store, CancellationToken ct)
    {
        var credentials = keys.CredentialsOf(store);
        var url = CallbackUrl(store).ToString();
        var secret = keys.WebhookSecretOf(store);
        var ours = (await woo.ListAsync<WooWebhook>(credentials, "webhooks", ct)).Where(w => w.DeliveryUrl == url).ToList();
        var made = new List<string>();
        foreach (var topic in Topics)
        {
            if (ours.FirstOrDefault(w => w.Topic == topic) is { } existing)
            {
                if (existing.Status != "active")
                    await woo.WriteAsync<WooWebhook>(credentials, HttpMethod.Put, $"webhooks/{existing.Id}", new { status = "active", secret }, ct);
                continue;
            }
            await woo.WriteAsync<WooWebhook>(credentials, HttpMethod.Post, "webhooks",
                new { name = $"ShopFloor {topic}", topic, delivery_url = url, secret, status = "active" }, ct);
            made.Add(topic);
        }
        return made;
    }
}
