using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VpWijzer.Cards;

namespace VpWijzer.Routing;

/// <summary>
/// A card verb bound to its payload type: the card that emits it and the handler that receives it
/// share one declaration, so a button can only ever carry the payload its handler expects.
/// </summary>
public sealed record Verb<TPayload>(string Name)
    where TPayload : class;

/// <summary>The payload of a verb that carries nothing.</summary>
public sealed record NoPayload
{
    public static NoPayload Instance { get; } = new();
}

/// <summary>Builds card actions from typed verbs.</summary>
public static class CardActions
{
    /// <summary>The property that carries the verb in <c>Action.Submit</c> data.</summary>
    public const string VerbProperty = "verb";

    internal static JsonSerializerOptions PayloadJson { get; } = CreatePayloadJson();

    public static ActionSubmit Submit<T>(string title, Verb<T> verb, T payload, string? style = null)
        where T : class => new()
        {
            Title = title,
            Data = ToData(verb, payload),
            Style = style,
            AssociatedInputs = "none",
        };

    /// <summary>A submit that also sends the card's inputs (validated by the client).</summary>
    public static ActionSubmit SubmitWithInputs<T>(string title, Verb<T> verb, T payload, string? style = null)
        where T : class => new()
        {
            Title = title,
            Data = ToData(verb, payload),
            Style = style,
            AssociatedInputs = "auto",
        };

    /// <summary>A Universal Action with an <c>Action.Submit</c> fallback carrying the same payload.</summary>
    public static ActionExecute Execute<T>(string title, Verb<T> verb, T payload, string? style = null)
        where T : class => new()
        {
            Title = title,
            Verb = verb.Name,
            Data = ToData(verb, payload),
            Style = style,
            Fallback = Submit(title, verb, payload, style),
        };

    public static JsonElement ToData<T>(Verb<T> verb, T payload)
        where T : class
    {
        var node = JsonSerializer.SerializeToNode(payload, PayloadJson) as JsonObject ?? [];
        node.Remove(VerbProperty);
        var data = new JsonObject { [VerbProperty] = verb.Name };
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            data[name] = value;
        }

        return JsonSerializer.SerializeToElement(data, PayloadJson);
    }

    private static JsonSerializerOptions CreatePayloadJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            MaxDepth = 16,
            // A card payload comes from the client: a null or missing value where the record says it cannot be null
            // is an invalid payload (the kind message), never a NullReferenceException deep in a dialog (review L1).
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
