using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Channels;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Sync;

/// <summary>
/// The store's webhook subscriptions to ShopFloor's endpoint: made on Activate, checked with every order catch-up
/// (a missing one is made again), removed on Pause and Disconnect. orders/updated carries paid, edited, fulfilled
/// and archived orders; the rest are for what it does not carry, and for locations and products changed in Shopify.
/// </summary>
public sealed class WebhookSubscriptions(
    ShopifyAdminClient shopify, TokenVault tokens, AppAddress address, ILogger<WebhookSubscriptions> logger)
{
    public static readonly string[] Topics =
    [
        "ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED", "FULFILLMENTS_CREATE",
        "RETURNS_APPROVE", "RETURNS_UPDATE", "RETURNS_PROCESS", "RETURNS_CLOSE", "APP_UNINSTALLED",
        "LOCATIONS_CREATE", "LOCATIONS_UPDATE", "LOCATIONS_ACTIVATE", "LOCATIONS_DEACTIVATE", "LOCATIONS_DELETE",
        "PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE", "INVENTORY_ITEMS_UPDATE",
    ];

    public const string Path = "/webhooks/shopify";

    public Uri CallbackUrl => address.Of(Path);

    /// <summary>Makes the subscriptions that are missing; returns the topics it had to make.</summary>
    public async Task<IReadOnlyList<string>> SubscribeAsync(ShopifyStore store, CancellationToken ct)
    {
        var credentials = tokens.CredentialsOf(store);
        var uri = CallbackUrl.ToString();
        var existing = (await OursAsync(credentials, uri, ct)).Select(s => s.Topic).ToHashSet();
        var missing = Topics.Where(t => !existing.Contains(t)).ToList();
        foreach (var topic in missing)
        {
            var result = ShopifyJson.Read<MutationErrors>((await shopify.SendAsync(credentials, Operations.WebhookSubscriptionCreate, new { topic, uri }, ct))
                .GetProperty("webhookSubscriptionCreate"));
            if (result.UserErrors.Count > 0)
                throw new ShopifyException($"Shopify refused the {topic} webhook subscription: {string.Join("; ", result.UserErrors.Select(e => e.Message))}");
        }
        return missing;
    }

    /// <summary>Best effort: a store whose token is gone has dropped the subscriptions with it.</summary>
    public async Task UnsubscribeAsync(ShopifyStore store, CancellationToken ct)
    {
        if (!store.IsAuthorized)
            return;
        try
        {
            var credentials = tokens.CredentialsOf(store);
            foreach (var (id, _) in await OursAsync(credentials, CallbackUrl.ToString(), ct))
                await shopify.SendAsync(credentials, Operations.WebhookSubscriptionDelete, new { id }, ct);
        }
        catch (Exception e) when (e is ShopifyException or HttpRequestException)
        {
            logger.LogWarning(e, "Could not remove the webhook subscriptions of {Shop}", store.ShopDomain);
        }
    }

    private async Task<List<(string Id, string Topic)>> OursAsync(ShopifyCredentials credentials, string uri, CancellationToken ct)
    {
        var ours = new List<(string, string)>();
        await foreach (var (nodes, _) in shopify.ReadAsync(credentials, Operations.WebhookSubscriptions, "webhookSubscriptions", null, ct))
            ours.AddRange(nodes.Select(ShopifyJson.Read<SubscriptionNode>).Where(n => n.Uri == uri).Select(n => (n.Id, n.Topic)));
        return ours;
    }
}

/// <summary>A subscription as the WebhookSubscriptions query selects it.</summary>
public sealed record SubscriptionNode(string Id, string Topic, string? Uri);
