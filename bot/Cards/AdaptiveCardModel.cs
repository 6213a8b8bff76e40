using System.Text.Json;
using System.Text.Json.Serialization;

namespace VpWijzer.Cards;

// A deliberately small typed model of Adaptive Cards 1.5 (what Teams renders), written from the
// schema at https://adaptivecards.io/explorer/. Only what our cards use; user text can only ever
// reach a card through a typed text property, never through a JSON template.

/// <summary>The root of an Adaptive Card.</summary>
public sealed class AdaptiveCard
{
    /// <summary>Schema version Teams supports.</summary>
    public const string SupportedVersion = "1.5";

    [JsonPropertyName("type")]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("version")]
    public string Version { get; init; } = SupportedVersion;

    [JsonPropertyName("fallbackText")]
    public string? FallbackText { get; init; }

    [JsonPropertyName("speak")]
    public string? Speak { get; init; }

    [JsonPropertyName("refresh")]
    public CardRefresh? Refresh { get; init; }

    [JsonPropertyName("body")]
    public IList<CardElement> Body { get; init; } = [];

    [JsonPropertyName("actions")]
    public IList<CardAction>? Actions { get; init; }

    /// <summary>Teams-specific: full width makes text easier to read on a phone.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; } = new();
}

public sealed class TeamsCardProperties
{
    [JsonPropertyName("width")]
    public string Width { get; init; } = "Full";
}

/// <summary>Universal Actions refresh: Teams asks the bot for the current card when someone opens it.</summary>
public sealed class CardRefresh
{
    /// <summary>Declared as the base type so the "type" discriminator is written (an Action.Execute).</summary>
    [JsonPropertyName("action")]
    public required CardAction Action { get; init; }

    [JsonPropertyName("userIds")]
    public IList<string>? UserIds { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
public abstract class CardElement
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("spacing")]
    public string? Spacing { get; init; }

    [JsonPropertyName("separator")]
    public bool? Separator { get; init; }

    [JsonPropertyName("isVisible")]
    public bool? IsVisible { get; init; }
}

public sealed class TextBlock : CardElement
{
    public TextBlock()
    {
    }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public TextBlock(string text) => Text = text;

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("wrap")]
    public bool Wrap { get; init; } = true;

    [JsonPropertyName("size")]
    public string? Size { get; init; }

    [JsonPropertyName("weight")]
    public string? Weight { get; init; }

    [JsonPropertyName("color")]
    public string? Color { get; init; }

    [JsonPropertyName("isSubtle")]
    public bool? IsSubtle { get; init; }

    /// <summary>"heading" marks the text as a heading for screen readers (1.5).</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("horizontalAlignment")]
    public string? HorizontalAlignment { get; init; }
}

public sealed class Container : CardElement
{
    [JsonPropertyName("items")]
    public IList<CardElement> Items { get; init; } = [];

    /// <summary>"default", "emphasis", "good", "attention", "warning", "accent".</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("bleed")]
    public bool? Bleed { get; init; }

    [JsonPropertyName("selectAction")]
    public CardAction? SelectAction { get; init; }
}

public sealed class ColumnSet : CardElement
{
    [JsonPropertyName("columns")]
    public IList<Column> Columns { get; init; } = [];
}

public sealed class Column
{
    [JsonPropertyName("type")]
    public string Type => "Column";

    [JsonPropertyName("width")]
    public string? Width { get; init; }

    [JsonPropertyName("verticalContentAlignment")]
    public string? VerticalContentAlignment { get; init; }

    [JsonPropertyName("items")]
    public IList<CardElement> Items { get; init; } = [];

    [JsonPropertyName("selectAction")]
    public CardAction? SelectAction { get; init; }
}

public sealed class FactSet : CardElement
{
    [JsonPropertyName("facts")]
    public IList<Fact> Facts { get; init; } = [];
}

public sealed record Fact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

public sealed class Image : CardElement
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("altText")]
    public string? AltText { get; init; }

    [JsonPropertyName("size")]
    public string? Size { get; init; }

    /// <summary>"default" or "person" (round).</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }
}

public sealed class ActionSet : CardElement
{
    [JsonPropertyName("actions")]
    public IList<CardAction> Actions { get; init; } = [];
}

public sealed class InputChoiceSet : CardElement
{
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("choices")]
    public IList<Choice> Choices { get; init; } = [];

    /// <summary>"compact" (dropdown) or "expanded" (radio buttons).</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("isMultiSelect")]
    public bool? IsMultiSelect { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("isRequired")]
    public bool? IsRequired { get; init; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; init; }
}

public sealed record Choice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

public sealed class InputToggle : CardElement
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("valueOn")]
    public string ValueOn { get; init; } = "true";

    [JsonPropertyName("valueOff")]
    public string ValueOff { get; init; } = "false";
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActionSubmit), "Action.Submit")]
[JsonDerivedType(typeof(ActionExecute), "Action.Execute")]
[JsonDerivedType(typeof(ActionOpenUrl), "Action.OpenUrl")]
[JsonDerivedType(typeof(ActionShowCard), "Action.ShowCard")]
public abstract class CardAction
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>"default", "positive" or "destructive".</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("tooltip")]
    public string? Tooltip { get; init; }
}

/// <summary>Sends <see cref="Data"/> (and the card's inputs) back as a message with a <c>value</c>.</summary>
public sealed class ActionSubmit : CardAction
{
    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }

    /// <summary>"auto" or "none": whether the card's inputs are sent and validated.</summary>
    [JsonPropertyName("associatedInputs")]
    public string? AssociatedInputs { get; init; }
}

/// <summary>Universal Action: an <c>adaptiveCard/action</c> invoke with a verb (Teams, 1.4+).</summary>
public sealed class ActionExecute : CardAction
{
    [JsonPropertyName("verb")]
    public required string Verb { get; init; }

    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }

    [JsonPropertyName("associatedInputs")]
    public string? AssociatedInputs { get; init; }

    /// <summary>What older clients show instead (an <see cref="ActionSubmit"/> with the same payload).</summary>
    [JsonPropertyName("fallback")]
    public CardAction? Fallback { get; init; }
}

public sealed class ActionOpenUrl : CardAction
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }
}

public sealed class ActionShowCard : CardAction
{
    [JsonPropertyName("card")]
    public required AdaptiveCard Card { get; init; }
}

/// <summary>Serialisation of cards; source-generated, nulls omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(AdaptiveCard))]
public sealed partial class CardJsonContext : JsonSerializerContext;

public static class CardSerializer
{
    /// <summary>The card as sent: with a <c>speak</c> for screen readers (<see cref="CardSpeech"/>).</summary>
    public static JsonElement ToJsonElement(AdaptiveCard card) =>
        JsonSerializer.SerializeToElement(CardSpeech.WithSpeech(card), CardJsonContext.Default.AdaptiveCard);

    public static string ToJson(AdaptiveCard card) =>
        JsonSerializer.Serialize(CardSpeech.WithSpeech(card), CardJsonContext.Default.AdaptiveCard);
}
