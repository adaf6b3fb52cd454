using System.Text.RegularExpressions;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>
/// Which Admin API version answers a request. Shopify releases a stable version each quarter and supports it
/// about 12 months; a request for a version that is no longer supported is answered by the oldest supported one
/// (and the X-Shopify-API-Version response header says which). The emulator holds two of Shopify's schemas:
/// 2026-01, and 2026-10, which also answers 2026-04 and 2026-07 (the versions between differ from it only in
/// fields ShopFloor never asks for; the 2026-04 rules — @idempotent and changeFromQuantity required — hold in all three).
/// </summary>
public static partial class ApiVersions
{
    public const string Latest = "2026-10";

    /// <summary>The stable versions supported on 2026-12-02, oldest first.</summary>
    public static readonly IReadOnlyList<string> Supported = ["2026-01", "2026-04", "2026-07", "2026-10"];

    /// <summary>The version that answers <paramref name="requested"/>, or null when Shopify would answer 404.</summary>
    public static string? Serving(string requested)
    {
        if (Supported.Contains(requested))
            return requested;
        if (Stable().IsMatch(requested) && string.CompareOrdinal(requested, Supported[0]) < 0)
            return Supported[0];
        return null;
    }

    /// <summary>From 2026-04, inventory mutations refuse to run without @idempotent(key:) and changeFromQuantity.</summary>
    public static bool RequiresIdempotency(string version) => string.CompareOrdinal(version, "2026-04") >= 0;

    public static string SchemaOf(string version) => version == "2026-01" ? "2026-01" : "2026-10";

    [GeneratedRegex(@"^\d{4}-(01|04|07|10)$")]
    private static partial Regex Stable();
}
