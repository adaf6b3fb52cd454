using System.ComponentModel.DataAnnotations;

namespace ShopFloor.Shopify;

/// <summary>Settings under "ShopFloor:Shopify" (environment: ShopFloor__Shopify__ApiKey, …).</summary>
public sealed class ShopifyOptions
{
    public const string Section = "ShopFloor:Shopify";

    /// <summary>
    /// The Admin API version every call names. Shopify supports a stable version about 12 months and then answers
    /// it with the oldest supported one; move it yearly, after the tests pass against the new schema.
    /// </summary>
    [Required, RegularExpression(@"^\d{4}-(01|04|07|10)$")]
    public string ApiVersion { get; set; } = "2026-10";

    /// <summary>The app's credentials: client id, and the secret that also signs webhooks and OAuth redirects.</summary>
    public string? ApiKey { get; set; }
    public string? ApiSecret { get; set; }

    /// <summary>Where a store's Admin API lives; <c>{shop}</c> is its domain. Point it at an emulator to test.</summary>
    [Required]
    public string AdminUrlTemplate { get; set; } = "https://{shop}";

    public string Scopes { get; set; } =
        "read_products,write_inventory,read_orders,read_all_orders,write_merchant_managed_fulfillment_orders,read_fulfillments,read_customers,read_locations,read_returns";

    /// <summary>Shop domains accepted besides *.myshopify.com (an emulator's test domain, say).</summary>
    public string? ExtraShopDomainPattern { get; set; }

    /// <summary>One attempt's limit; the resilience pipeline retries idempotent calls that time out.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public Uri AdminBase(string shopDomain) => new(AdminUrlTemplate.Replace("{shop}", shopDomain, StringComparison.Ordinal).TrimEnd('/') + "/");
}
