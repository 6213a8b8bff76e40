using VpWijzer.Cards;
using VpWijzer.Protocol;
using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>
/// Long stories are welcome (issue 20): a message longer than <see cref="ReadLength"/> characters is answered on its
/// first part, and the bot says so first, kindly. It runs after the crisis screener, which reads the whole message.
/// Nothing of the text is kept; the cut only shortens what this turn reads.
/// </summary>
public sealed class LongMessageMiddleware : ITurnMiddleware
{
    /// <summary>How much of one message the answer is based on; the chat page's counter shows the same number.</summary>
    public const int ReadLength = 4000;

    public static readonly Localized ReadFirstPart = new(
        "Dank je dat je dit opschrijft. Je bericht is lang: ik lees de eerste 4.000 tekens. Wil je meer vertellen? Stuur gerust nog een bericht, of vertel het in een gesprek met een vertrouwenspersoon.",
        "Thank you for writing this down. Your message is long: I read the first 4,000 characters. Want to tell more? Send another message, or tell it in a conversation with a confidential counsellor.");

    public Task InvokeAsync(TurnContext context, Func<Task> continuation)
    {
        var activity = context.Activity;
        if (activity.Type == ActivityTypes.Message && activity.Text is { Length: > ReadLength } text)
        {
            activity.Text = FirstPart(text);
            context.SendText(ReadFirstPart.For(context.Language));
        }

        return continuation();
    }

    /// <summary>The first <see cref="ReadLength"/> characters, cut at the last space so no word is broken.</summary>
    public static string FirstPart(string text)
    {
        if (text.Length <= ReadLength)
        {
            return text;
        }

        var cut = text.LastIndexOfAny([' ', '\n', '\t'], ReadLength);
        return text[..(cut > ReadLength / 2 ? cut : ReadLength)].TrimEnd();
    }
}
