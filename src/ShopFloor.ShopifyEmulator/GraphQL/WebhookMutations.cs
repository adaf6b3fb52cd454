using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>webhookSubscriptionCreate / Delete, and the subscription object the query side lists.</summary>
internal static class WebhookMutations
{
    public static Node Node(WebhookSubscription w) => new Node("WebhookSubscription")
        .With("id", Gid.Of("WebhookSubscription", w.Id))
        .With("legacyResourceId", w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("topic", w.Topic)
        .With("uri", w.CallbackUrl)
        .With("callbackUrl", w.CallbackUrl)
        .With("format", "JSON")
        .With("apiVersion", new Node("ApiVersion").With("handle", ApiVersions.Latest).With("displayName", ApiVersions.Latest).With("supported", true))
        .With("includeFields", Array.Empty<string>())
        .With("metafieldNamespaces", Array.Empty<string>())
        .With("createdAt", CatalogNodes.Time(w.CreatedAt))
        .With("updatedAt", CatalogNodes.Time(w.CreatedAt));

    public static void AddTo(Node root, Shop shop, DateTime now)
    {
        root.With("webhookSubscriptionCreate", ctx =>
        {
            var topic = ctx.GetArgument<object>("topic").ToString()!;
            var uri = ctx.GetArgument<Dictionary<string, object?>>("webhookSubscription").String("uri");
            if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
                return new Node("WebhookSubscriptionCreatePayload").With("webhookSubscription", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("UserError", ["webhookSubscription", "uri"], "Address is invalid") });
            if (shop.Webhooks.Any(w => w.Topic == topic && w.CallbackUrl == uri))
                return new Node("WebhookSubscriptionCreatePayload").With("webhookSubscription", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("UserError", ["webhookSubscription", "uri"], "Address for this topic has already been taken") });
            var subscription = new WebhookSubscription { Id = shop.NextId(), Topic = topic, CallbackUrl = uri!, CreatedAt = now };
            shop.Webhooks.Add(subscription);
            return new Node("WebhookSubscriptionCreatePayload").With("webhookSubscription", Node(subscription)).With("userErrors", Array.Empty<Node>());
        });
        root.With("webhookSubscriptionDelete", ctx =>
        {
            var id = ctx.GetArgument<string>("id");
            var removed = Gid.TryId(id, "WebhookSubscription", out var wanted) && shop.Webhooks.RemoveAll(w => w.Id == wanted) > 0;
            return new Node("WebhookSubscriptionDeletePayload").With("deletedWebhookSubscriptionId", removed ? id : null)
                .With("userErrors", removed ? Array.Empty<Node>() : [Inputs.UserError("UserError", ["id"], "Webhook subscription does not exist")]);
        });
    }
}
