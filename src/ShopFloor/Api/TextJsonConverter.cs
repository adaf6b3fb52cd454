using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShopFloor.Api;

/// <summary>
/// Strings as the API takes them: no NUL characters (PostgreSQL cannot store them in text, SQLite would, so the
/// two databases would answer differently) and at most <see cref="MaxLength"/> characters.
/// </summary>
public sealed class TextJsonConverter : JsonConverter<string>
{
    public const int MaxLength = 10_000;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null)
            return null;
        if (text.Contains('\0'))
            throw new JsonException("Text must not contain NUL characters.");
        if (text.Length > MaxLength)
            throw new JsonException($"Text must be at most {MaxLength:#,0} characters.");
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
