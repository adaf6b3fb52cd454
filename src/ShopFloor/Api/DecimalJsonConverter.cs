using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShopFloor.Api;

/// <summary>
/// Writes decimals without the storage scale's trailing zeros (5, not 5.000000) and reads them from JSON
/// numbers or strings ("1.0000000000", as Katana's API sends some quantities). Never goes through double. Strings
/// are invariant decimals only: "5,5" is refused, not read as 55.
/// </summary>
public sealed class DecimalJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            return reader.GetDecimal();
        var text = reader.GetString();
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a decimal number.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Normalize(value));

    /// <summary>Drops trailing zeros of the scale: dividing by 1 with 28 zeros keeps only significant digits.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);
}
