using VpWijzer.Cards;
using VpWijzer.Figures;
using VpWijzer.Knowledge;
using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>Anonymous answers: free text, topic buttons, clarification, the self-check and language switching.</summary>
public sealed class KnowledgeDialogs(KnowledgeBase knowledge, QuestionClassifier classifier, IBookingEntry booking) : IRouteModule
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Topic, Language Language), System.Text.Json.JsonElement> _answerCards = new();

    public void Register(RouterBuilder routes)
    {
        routes
            .OnText(AnswerTextAsync)
            .OnVerb(CardVerbs.ShowTopic, ShowTopicVerbAsync)
            .OnVerb(CardVerbs.SetLanguage, SetLanguageAsync)
            .OnVerb(CardVerbs.StartSelfCheck, (ctx, _) => StartSelfCheckAsync(ctx))
            .OnVerb(CardVerbs.SelfCheckAnswer, SelfCheckAnswerAsync)
            .OnVerb(CardVerbs.SafetyAnswer, SafetyAnswerAsync)
            .OnVerb(CardVerbs.TalkToVp, (ctx, _) => booking.StartAsync(ctx))
            .OnCommand("afspraak maken", booking.StartAsync)
            .OnCommand("afspraak", booking.StartAsync)
            .OnCommand("book", booking.StartAsync)
            .OnCommand("check", StartSelfCheckAsync)
            .OnCommand("is dit ongewenst gedrag", StartSelfCheckAsync);
    }

    /// <summary>Shows a topic's answer (or the crisis card), in the turn's language.</summary>
    public Task ShowTopicAsync(TurnContext context, string topicId)
    {
        var l = context.Language;
        context.State.LastTopic = topicId;
        context.State.Flow = DialogFlow.None;
        var topic = knowledge[topicId];
        var text = topic.Text(l);
        switch (topicId)
        {
            case TopicIds.Crisis:
                context.SendCard(CrisisCard.Create(new CrisisView(l, text.Title, text.Answer)), text.Title);
                return Task.CompletedTask;
            case TopicIds.Help:
                context.SendCard(HelpCard.Create(new HelpView(l, NotUnderstood: false)), text.Title);
                return Task.CompletedTask;
            case TopicIds.Book:
                return booking.StartAsync(context);
        }

        // An answer card depends only on the topic and the language (never on what was typed), so it is built once.
        var card = _answerCards.GetOrAdd((topicId, l), key =>
        {
            var followUps = topic.FollowUps
                .Where(f => f != TopicIds.Book)
                .Select(f => (f, knowledge[f].Text(key.Language).Title))
                .ToList();
            return CardSerializer.ToJsonElement(AnswerCard.Create(new AnswerView(key.Language, key.Topic, text.Title, text.Answer, followUps, OfferVp: key.Topic != TopicIds.None, More: text.More)));
        });
        context.SendCard(card, text.Title);
        return Task.CompletedTask;
    }

    private Task AnswerTextAsync(TurnContext context)
    {
        if (context.Safety?.Level is null or SafetyLevel.None && AnswerSmallTalk(context, SmallTalk.Detect(context.Activity.Text)))
        {
            Telemetry.BotTelemetry.Answered("smalltalk");
            return Task.CompletedTask;
        }

        var recognition = classifier.Classify(context.Activity.Text ?? string.Empty, context.Language, context.Safety);
        if (recognition.Topic == TopicIds.Crisis)
        {
            CrisisMiddleware.ShowCrisis(context, knowledge, recognition.Safety?.To ?? DangerTo.Self);
            return Task.CompletedTask;
        }

        if (recognition.Safety is { Level: SafetyLevel.Possible } possible && context.Safety?.Level != SafetyLevel.Possible)
        {
            // The topic recogniser leaned to crisis where the screener did not: the routes and the question first all the same.
            CrisisMiddleware.AskSafety(context, possible.To);
        }

        if (recognition.Topic != TopicIds.None && recognition.Confidence < QuestionClassifier.ClarifyBelow)
        {
            var options = new[] { recognition.Topic }.Concat(recognition.Alternatives)
                .Where(t => t is not TopicIds.None and not TopicIds.Help)
                .Distinct()
                .Take(3)
                .Select(t => (t, knowledge[t].Text(context.Language).Title))
                .ToList();
            context.State.Flow = DialogFlow.None;
            Telemetry.BotTelemetry.Answered("clarify");
            context.SendCard(ClarifyCard.Create(new ClarifyView(context.Language, options)), context.Language.Pick("Bedoel je een van deze?", "Do you mean one of these?"));
            return Task.CompletedTask;
        }

        context.CountQuestion(recognition.Topic);
        Telemetry.BotTelemetry.Answered(recognition.Topic == TopicIds.None ? "none" : "answer");
        if (Acknowledgement.For(recognition.Topic, context.Activity.Text ?? string.Empty, context.Language) is { } line)
        {
            context.SendText(line);
        }

        return ShowTopicAsync(context, recognition.Topic);
    }

    /// <summary>A greeting gets a greeting and the menu, thanks "graag gedaan", a feeling a warm word: never "I can't help with that".</summary>
    private static bool AnswerSmallTalk(TurnContext context, SmallTalkKind kind)
    {
        var l = context.Language;
        switch (kind)
        {
            case SmallTalkKind.Greeting:
                context.SendCard(WelcomeCard.Create(new WelcomeView(l)), l.Pick("Hoi! Waar kan ik je mee helpen?", "Hi! How can I help?"));
                return true;
            case SmallTalkKind.Thanks:
                context.SendText(l.Pick("Graag gedaan. Wil je nog iets weten? Typ je vraag, of typ **menu**.", "You're welcome. Anything else? Type your question, or type **menu**."));
                return true;
            case SmallTalkKind.Goodbye:
                context.SendText(l.Pick("Dag! Je kunt altijd terugkomen. Gaat het niet goed met je? Bel 113 of 112, dag en nacht.", "Bye! You can always come back. If you are not OK: call 113 or 112, day and night."));
                return true;
            case SmallTalkKind.Acknowledge or SmallTalkKind.Yes or SmallTalkKind.No:
                context.SendText(l.Pick("Oké. Wil je nog iets weten? Typ je vraag in je eigen woorden, of typ **menu**.", "OK. Anything else you'd like to know? Type your question in your own words, or type **menu**."));
                return true;
            case SmallTalkKind.Feeling:
                context.SendText(l.Pick(
                    "Ik zie dat het je raakt. Wil je vertellen wat er is gebeurd? Dat mag in je eigen woorden, en ik bewaar niets van wat je typt.",
                    "I can see this affects you. Would you like to tell me what happened? Your own words are fine, and I don't keep anything you type."));
                context.SendCard(WelcomeCard.Create(new WelcomeView(l)), l.Pick("Menu", "Menu"));
                return true;
            default:
                return false;
        }
    }

    /// <summary>The answer to "ben je nu in gevaar?": yes gets the crisis card; no gets a calm line and the way on.</summary>
    private Task SafetyAnswerAsync(TurnContext context, SafetyAnswerPayload payload)
    {
        if (payload.InDanger is { } inDanger)
        {
            CrisisMiddleware.AnswerSafety(context, knowledge, inDanger, payload.Other ? DangerTo.Other : DangerTo.Self);
        }
        else
        {
            context.SendCard(HelpCard.Create(new HelpView(context.Language, NotUnderstood: true)), context.Language.Pick("Menu", "Menu"));
        }

        return Task.CompletedTask;
    }

    private Task ShowTopicVerbAsync(TurnContext context, TopicPayload payload)
    {
        if (!knowledge.TryGet(payload.Topic, out _))
        {
            // A tampered or outdated button: say so kindly and show the way back.
            context.SendCard(HelpCard.Create(new HelpView(context.Language, NotUnderstood: true)), context.Language.Pick("Menu", "Menu"));
            return Task.CompletedTask;
        }

        context.CountQuestion(payload.Topic);
        return ShowTopicAsync(context, payload.Topic);
    }

    private Task SetLanguageAsync(TurnContext context, LanguagePayload payload)
    {
        if (!Enum.IsDefined(payload.Language))
        {
            context.SendCard(WelcomeCard.Create(new WelcomeView(context.Language)), "Menu");
            return Task.CompletedTask;
        }

        context.Language = payload.Language;
        context.State.Language = payload.Language;
        context.State.LanguageChosen = true;
        if (payload.Topic is not null && knowledge.TryGet(payload.Topic, out _))
        {
            return ShowTopicAsync(context, payload.Topic);
        }

        context.SendCard(WelcomeCard.Create(new WelcomeView(payload.Language)), payload.Language.Pick("Ik praat nu Nederlands met je", "I'll speak English with you now"));
        return Task.CompletedTask;
    }

    private static Task StartSelfCheckAsync(TurnContext context)
    {
        context.State.Flow = DialogFlow.SelfCheck;
        context.State.Step = 1;
        context.State.SelfCheckAnswers = 0;
        context.SendCard(SelfCheckCard.Create(SelfCheck.Question(context.Language, 1)), context.Language.Pick("Korte check", "Quick check"));
        return Task.CompletedTask;
    }

    private Task SelfCheckAnswerAsync(TurnContext context, SelfCheckAnswerPayload payload)
    {
        var state = context.State;
        var l = context.Language;
        if (state.Flow != DialogFlow.SelfCheck || payload.Step != state.Step)
        {
            context.SendText(l.Pick(
                "Die vraag van de check is al voorbij. Ik begin de check graag opnieuw met je.",
                "That question of the check has already passed. Happy to start the check again with you."));
            return StartSelfCheckAsync(context);
        }

        if (payload.Answer == SelfCheckAnswers.Back)
        {
            state.Step = Math.Max(1, state.Step - 1);
            context.SendCard(SelfCheckCard.Create(SelfCheck.Question(l, state.Step)), l.Pick("Korte check", "Quick check"));
            return Task.CompletedTask;
        }

        if (!SelfCheck.IsValidAnswer(payload.Step, payload.Answer))
        {
            context.SendCard(SelfCheckCard.Create(SelfCheck.Question(l, state.Step)), l.Pick("Korte check", "Quick check"));
            return Task.CompletedTask;
        }

        state.SelfCheckAnswers = SelfCheck.Record(state.SelfCheckAnswers, payload.Step, payload.Answer);
        if (payload.Step < SelfCheck.Steps)
        {
            state.Step = payload.Step + 1;
            context.SendCard(SelfCheckCard.Create(SelfCheck.Question(l, state.Step)), l.Pick("Korte check", "Quick check"));
            return Task.CompletedTask;
        }

        context.CountSelfCheck();
        var result = SelfCheck.Result(l, state.SelfCheckAnswers, knowledge);
        state.Flow = DialogFlow.None;
        state.Step = 0;
        state.SelfCheckAnswers = 0;
        context.SendCard(SelfCheckResultCard.Create(result), l.Pick("Resultaat van de korte check", "Result of the quick check"));
        return Task.CompletedTask;
    }
}

/// <summary>How a conversation with a VP is started; the booking flow provides the real one.</summary>
public interface IBookingEntry
{
    Task StartAsync(TurnContext context);
}
