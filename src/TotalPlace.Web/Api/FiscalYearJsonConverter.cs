using System.Text.Json;
using System.Text.Json.Serialization;
using TotalPlace.Core;

namespace TotalPlace.Web.Api;

/// <summary>Writes a financial year as "2024-25"; without it the serializer would follow Next/Previous for ever.</summary>
public sealed class FiscalYearJsonConverter : JsonConverter<FiscalYear>
{
    public override FiscalYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return FiscalYear.TryParse(text, out var year)
            ? year
            : throw new JsonException($"'{text}' is not a financial year; write it as 2024-25.");
    }

    public override void Write(Utf8JsonWriter writer, FiscalYear value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
