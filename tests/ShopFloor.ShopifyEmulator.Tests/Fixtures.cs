using System.Text.Json;

namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>The real Shopify payloads in ../shared/fixtures/shopify, to compare the emulator's with.</summary>
public static class Fixtures
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "shopify", relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"shared/fixtures/shopify/{relative} not found above {AppContext.BaseDirectory}");
    }

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
