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
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new DecimalJsonConverter());
        options.Converters.Add(new TextJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
    }
}
