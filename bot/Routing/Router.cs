using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VpWijzer.Protocol;

namespace VpWijzer.Routing;

public delegate Task TurnHandler(TurnContext context);

/// <summary>Why a card action could not be handled; the handler decides what to tell the user.</summary>
public enum RejectedActionReason
{
    UnknownVerb,
    InvalidPayload,
}

/// <summary>Collects routes; every key may be registered once (duplicates throw at startup).</summary>
public sealed class RouterBuilder
{
    private readonly Dictionary<string, TurnHandler> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VerbRoute> _verbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TurnHandler> _invokes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TurnHandler> _activities = new(StringComparer.Ordinal);
    private TurnHandler? _text;
    private Func<TurnContext, RejectedActionReason, Task>? _rejected;

    /// <summary>Text that, normalised (<see cref="Router.NormalizeCommand"/>), equals <paramref name="command"/>.</summary>
    public RouterBuilder OnCommand(string command, TurnHandler handler)
    {
        var key = Router.NormalizeCommand(command);
        if (!_commands.TryAdd(key, handler))
        {
            throw new InvalidOperationException($"Command '{key}' is registered twice.");
        }

        return this;
    }

    public RouterBuilder OnVerb<T>(Verb<T> verb, Func<TurnContext, T, Task> handler)
        where T : class
    {
        var route = new VerbRoute(
            (context, json) =>
            {
                var payload = json.Deserialize<T>(CardActions.PayloadJson) ?? throw new JsonException("Empty payload.");
                return handler(context, payload);
            });
        if (!_verbs.TryAdd(verb.Name, route))
        {
            throw new InvalidOperationException($"Verb '{verb.Name}' is registered twice.");
        }

        return this;
    }

    public RouterBuilder OnInvoke(string name, TurnHandler handler)
    {
        if (!_invokes.TryAdd(name, handler))
        {
            throw new InvalidOperationException($"Invoke '{name}' is registered twice.");
        }

        return this;
    }

    /// <summary>Activities other than message and invoke, by type.</summary>
    public RouterBuilder OnActivity(string type, TurnHandler handler)
    {
        if (!_activities.TryAdd(type, handler))
        {
            throw new InvalidOperationException($"Activity type '{type}' is registered twice.");
        }

        return this;
    }

    /// <summary>Free text that is not a command (the knowledge base).</summary>
    public RouterBuilder OnText(TurnHandler handler)
    {
        if (_text is not null)
        {
            throw new InvalidOperationException("The text handler is registered twice.");
        }

        _text = handler;
        return this;
    }

    /// <summary>Card actions with an unknown verb or a payload of the wrong shape.</summary>
    public RouterBuilder OnRejectedAction(Func<TurnContext, RejectedActionReason, Task> handler)
    {
        if (_rejected is not null)
        {
            throw new InvalidOperationException("The rejected-action handler is registered twice.");
        }

        _rejected = handler;
        return this;
    }

    public Router Build() => new(
        _commands.ToFrozenDictionary(StringComparer.Ordinal),
        _verbs.ToFrozenDictionary(StringComparer.Ordinal),
        _invokes.ToFrozenDictionary(StringComparer.Ordinal),
        _activities.ToFrozenDictionary(StringComparer.Ordinal),
        _text ?? (_ => Task.CompletedTask),
        _rejected ?? ((_, _) => Task.CompletedTask));

    internal sealed record VerbRoute(Func<TurnContext, JsonElement, Task> Invoke);
}

/// <summary>Dispatches a turn by exact key: card verb, command, invoke name or activity type.</summary>
public sealed class Router
{
    private readonly FrozenDictionary<string, TurnHandler> _commands;
    private readonly FrozenDictionary<string, RouterBuilder.VerbRoute> _verbs;
    private readonly FrozenDictionary<string, TurnHandler> _invokes;
    private readonly FrozenDictionary<string, TurnHandler> _activities;
    private readonly TurnHandler _text;
    private readonly Func<TurnContext, RejectedActionReason, Task> _rejected;

    internal Router(
        FrozenDictionary<string, TurnHandler> commands,
        FrozenDictionary<string, RouterBuilder.VerbRoute> verbs,
        FrozenDictionary<string, TurnHandler> invokes,
        FrozenDictionary<string, TurnHandler> activities,
        TurnHandler text,
        Func<TurnContext, RejectedActionReason, Task> rejected)
    {
        _commands = commands;
        _verbs = verbs;
        _invokes = invokes;
        _activities = activities;
        _text = text;
        _rejected = rejected;
    }

    public IEnumerable<string> Verbs => _verbs.Keys;

    /// <summary>Handles the turn as free text, as if no command matched (for commands that only some people may use).</summary>
    public Task RouteAsTextAsync(TurnContext context) => _text(context);

    /// <summary>Handles a card action as one with an unknown verb (for verbs that only some people may use).</summary>
    public Task RejectAsync(TurnContext context, RejectedActionReason reason) => _rejected(context, reason);

    public Task RouteAsync(TurnContext context)
    {
        var activity = context.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                if (activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(CardActions.VerbProperty, out _))
                {
                    context.IsCardAction = true;
                    return DispatchVerbAsync(context, value, value);
                }

                var text = activity.Text;
                if (string.IsNullOrWhiteSpace(text))
                {
                    return _commands.TryGetValue(string.Empty, out var empty) ? empty(context) : Task.CompletedTask;
                }

                return _commands.TryGetValue(NormalizeCommand(text), out var command) ? command(context) : _text(context);

            case ActivityTypes.Invoke:
                if (activity.Name == InvokeNames.AdaptiveCardAction)
                {
                    context.IsCardAction = true;
                    return DispatchUniversalActionAsync(context);
                }

                return _invokes.TryGetValue(activity.Name ?? string.Empty, out var invoke)
                    ? invoke(context)
                    : NotImplementedInvokeAsync(context);

            default:
                return _activities.TryGetValue(activity.Type ?? string.Empty, out var handler) ? handler(context) : Task.CompletedTask;
        }
    }

    /// <summary>
    /// Lower case, mentions and surrounding punctuation removed, inner white space folded:
    /// "  Help! " and "help" are the same command; anything longer is free text.
    /// </summary>
    // One array for every turn: Trim(params char[]) would allocate and initialise a new one each call (issue 10 profile).
    private static readonly char[] CommandPunctuation = ['!', '?', '.', ',', ';', ':', '/', ' '];

    public static string NormalizeCommand(string text)
    {
        var withoutMentions = StripTags(text);
        var builder = new StringBuilder(withoutMentions.Length);
        var pendingSpace = false;
        foreach (var c in withoutMentions.Trim().ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim(CommandPunctuation);
    }

    private static string StripTags(string text)
    {
        // Teams wraps @mentions in <at>…</at>; the mention itself is never a command.
        var start = text.IndexOf("<at>", StringComparison.OrdinalIgnoreCase);
        while (start >= 0)
        {
            var end = text.IndexOf("</at>", start, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                break;
            }

            text = string.Concat(text.AsSpan(0, start), text.AsSpan(end + 5));
            start = text.IndexOf("<at>", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private Task DispatchUniversalActionAsync(TurnContext context)
    {
        // adaptiveCard/action value: { "action": { "type": "Action.Execute", "verb": …, "data": … }, "trigger": … }
        if (context.Activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action)
            && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("verb", out var verb)
            && verb.ValueKind == JsonValueKind.String)
        {
            var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            return DispatchVerbAsync(context, verb, data);
        }

        return _rejected(context, RejectedActionReason.InvalidPayload);
    }

    private async Task DispatchVerbAsync(TurnContext context, JsonElement verbHolder, JsonElement data)
    {
        var verb = verbHolder.ValueKind == JsonValueKind.String
            ? verbHolder.GetString()
            : verbHolder.TryGetProperty(CardActions.VerbProperty, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (verb is null || !_verbs.TryGetValue(verb, out var route))
        {
            await _rejected(context, RejectedActionReason.UnknownVerb).ConfigureAwait(false);
            return;
        }

        Task handled;
        try
        {
            handled = route.Invoke(context, data.ValueKind == JsonValueKind.Object ? data : JsonDocument.Parse("{}").RootElement);
        }
        catch (JsonException)
        {
            await _rejected(context, RejectedActionReason.InvalidPayload).ConfigureAwait(false);
            return;
        }
        catch (NotSupportedException)
        {
            await _rejected(context, RejectedActionReason.InvalidPayload).ConfigureAwait(false);
            return;
        }

        await handled.ConfigureAwait(false);
    }

    private static Task NotImplementedInvokeAsync(TurnContext context)
    {
        context.InvokeResponse = new InvokeResponse(501, null);
        return Task.CompletedTask;
    }
}
