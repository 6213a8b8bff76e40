using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>
/// Decides the turn's language: the user's explicit choice, else what the text is written in,
/// else the conversation so far, else the client's locale, else Dutch.
/// </summary>
public sealed class LanguageMiddleware(ILanguageDetector detector) : ITurnMiddleware
{
    public Task InvokeAsync(TurnContext context, Func<Task> continuation)
    {
        var state = context.State;
        var language = state.Language ?? FromLocale(context.Activity.Locale);
        if (!state.LanguageChosen && !string.IsNullOrWhiteSpace(context.Activity.Text) && context.Activity.Value is null)
        {
            language = detector.Detect(context.Activity.Text) ?? language;
        }

        context.Language = language;
        state.Language = language;
        return continuation();
    }

    public static Language FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Nl;
}

/// <summary>Guesses the language of a message; null when it cannot tell (e.g. "ok", "112").</summary>
public interface ILanguageDetector
{
    Language? Detect(string text);
}
