using System.Text.RegularExpressions;

namespace ShopFloor.Shopify.Connection;

/// <summary>SHOPIFY-FACTS: a shop domain is <c>name.myshopify.com</c>; a configured pattern may allow a test domain.</summary>
public static partial class ShopDomain
{
    /// <summary>
    /// The whole value must match (a final newline too would pass with <c>$</c>, which matches before one): a
    /// myshopify.com name, or the operator's extra pattern (the emulator's hosts, in tests and the demo).
    /// </summary>
    public static bool IsValid(string? domain, string? extraPattern) =>
        domain is not null && (MyShopify().IsMatch(domain) || (extraPattern is not null && IsWholeMatch(domain, extraPattern)));

    private static bool IsWholeMatch(string domain, string pattern) =>
        Regex.Match(domain, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } match && match.Index == 0 && match.Length == domain.Length;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9\-]*\.myshopify\.com\z")]
    private static partial Regex MyShopify();
}
