using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShopFloor.Api;

public static class JsonSetup
{
    /// <summary>Katana's conventions: snake_case fields; enums as the strings the DTOs spell out.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        // A field without a value is left out: Katana types most optional fields as non-null (a string, never null).
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new DecimalJsonConverter());
        options.Converters.Add(new TextJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
    }
}
