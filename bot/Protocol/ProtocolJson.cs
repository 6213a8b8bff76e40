using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpWijzer.Protocol;

/// <summary>The JSON settings of the wire format: camelCase names, nulls omitted, ISO-8601 dates.</summary>
public static class ProtocolJson
{
    /// <summary>Options for every activity and connector payload.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 64,
            TypeInfoResolver = ProtocolJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Reads an activity; throws <see cref="JsonException"/> on malformed input.</summary>
    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ProtocolJsonContext.Default.Activity);

    /// <summary>Writes an activity.</summary>
    public static byte[] Serialize(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
}

/// <summary>Source-generated serializers for the protocol types (fast, trim-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
