using System.Text.Json;
using VpWijzer.Cards;
using VpWijzer.Protocol;

namespace VpWijzer.Dialogs;

/// <summary>Bodies for <c>adaptiveCard/action</c> invoke responses.</summary>
public static class InvokeResponses
{
    /// <summary>Replaces the clicked card with <paramref name="card"/>.</summary>
    public static InvokeResponse Card(AdaptiveCard card) => new(200, new AdaptiveCardInvokeResponse
    {
        StatusCode = 200,
        Type = ContentTypes.AdaptiveCard,
        Value = CardSerializer.ToJsonElement(card),
    });

    /// <summary>Shows a short message and leaves the card as it is.</summary>
    public static InvokeResponse Message(string text) => new(200, new AdaptiveCardInvokeResponse
    {
        StatusCode = 200,
        Type = ContentTypes.ActivityMessage,
        Value = JsonSerializer.SerializeToElement(text, ProtocolJsonContext.Default.String),
    });
}
