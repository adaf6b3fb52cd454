using System.Text.Json;

namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>Real Shopify payloads (ShopifyFixtures/, copied from shared/fixtures/shopify/legacy-rest), to compare the emulator's with.</summary>
public static class Fixtures
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "ShopifyFixtures", file);

    /// <summary>Each named field is present, and of the fixture's JSON kind wherever both hold a value.</summary>
    public static void AssertSameShape(JsonElement fixture, JsonElement actual, params string[] fields)
    {
        foreach (var field in fields)
        {
            Assert.True(actual.TryGetProperty(field, out var value), $"missing {field}");
            var expected = fixture.GetProperty(field).ValueKind;
            if (expected != JsonValueKind.Null && value.ValueKind != JsonValueKind.Null)
                Assert.True(expected == value.ValueKind, $"{field}: fixture has {expected}, emulator sent {value.ValueKind}");
        }
    }
}
