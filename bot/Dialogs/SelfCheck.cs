using VpWijzer.Cards;
using VpWijzer.Knowledge;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>
/// The guided self-check: five button questions, answers kept as a bit set in state (never text),
/// ending in what the answers resemble — never a verdict.
/// </summary>
public static class SelfCheck
{
    public const int Steps = 5;

    // Bit layout of ConversationState.SelfCheckAnswers: 3 bits per step (0 = not answered).
    private static readonly string[][] Allowed =
    [
        // New answers go at the end, so the codes of answers already in someone's state keep their meaning.
        [SelfCheckAnswers.Colleague, SelfCheckAnswers.Manager, SelfCheckAnswers.Client, SelfCheckAnswers.Other, SelfCheckAnswers.Group],
        [SelfCheckAnswers.Yes, SelfCheckAnswers.No, SelfCheckAnswers.Unsure],
        [SelfCheckAnswers.Yes, SelfCheckAnswers.No, SelfCheckAnswers.Unsure],
        [SelfCheckAnswers.Yes, SelfCheckAnswers.No, SelfCheckAnswers.Unsure],
        [SelfCheckAnswers.Yes, SelfCheckAnswers.No, SelfCheckAnswers.Unsure],
    ];

    public static bool IsValidAnswer(int step, string answer) =>
        step is >= 1 and <= Steps && Array.IndexOf(Allowed[step - 1], answer) >= 0;

    public static int Record(int bits, int step, string answer)
    {
        var code = Array.IndexOf(Allowed[step - 1], answer) + 1;
        var shift = (step - 1) * 3;
        return (bits & ~(0b111 << shift)) | (code << shift);
    }

    public static string? AnswerAt(int bits, int step)
    {
        var code = (bits >> ((step - 1) * 3)) & 0b111;
        return code == 0 ? null : Allowed[step - 1][code - 1];
    }

    public static SelfCheckQuestionView Question(Language l, int step)
    {
        (string, string)[] yesNo =
        [
            (SelfCheckAnswers.Yes, l.Pick("Ja", "Yes")),
            (SelfCheckAnswers.No, l.Pick("Nee", "No")),
            (SelfCheckAnswers.Unsure, l.Pick("Weet ik niet", "Not sure")),
        ];
        return step switch
        {
            1 => new SelfCheckQuestionView(l, 1, Steps, l.Pick("Wie doet het?", "Who is doing it?"), l.Pick("Kies wat het beste past.", "Choose what fits best."),
            [
                (SelfCheckAnswers.Colleague, l.Pick("Een collega", "A colleague")),
                (SelfCheckAnswers.Manager, l.Pick("Mijn leidinggevende of de leiding", "My manager or senior management")),
                (SelfCheckAnswers.Group, l.Pick("Meerdere mensen of een groep", "Several people or a group")),
                (SelfCheckAnswers.Client, l.Pick("Een klant of inwoner", "A client or member of the public")),
                (SelfCheckAnswers.Other, l.Pick("Iemand anders", "Someone else")),
            ]),
            2 => new SelfCheckQuestionView(l, 2, Steps, l.Pick("Gebeurt het vaker?", "Does it happen more than once?"), null,
            [
                (SelfCheckAnswers.Yes, l.Pick("Ja, vaker", "Yes, more often")),
                (SelfCheckAnswers.No, l.Pick("Nee, één keer", "No, once")),
                (SelfCheckAnswers.Unsure, l.Pick("Weet ik niet", "Not sure")),
            ]),
            3 => new SelfCheckQuestionView(l, 3, Steps, l.Pick("Heeft het iets seksueels?", "Is there anything sexual about it?"),
                l.Pick("Bijvoorbeeld opmerkingen, grappen, blikken, berichten of aanrakingen.", "For example remarks, jokes, looks, messages or touching."), yesNo),
            4 => new SelfCheckQuestionView(l, 4, Steps, l.Pick("Heeft het te maken met wie je bent?", "Is it about who you are?"),
                l.Pick("Bijvoorbeeld je afkomst, huidskleur, geloof, gender, seksuele oriëntatie, leeftijd of een beperking.", "For example your origin, skin colour, religion, gender, sexual orientation, age or a disability."), yesNo),
            _ => new SelfCheckQuestionView(l, 5, Steps, l.Pick("Wordt er geschreeuwd, gedreigd of geweld gebruikt?", "Is there shouting, threatening or violence?"), null, yesNo),
        };
    }

    public static SelfCheckResultView Result(Language l, int bits, KnowledgeBase knowledge)
    {
        var observations = new List<string>();
        var topics = new List<string>();
        var who = AnswerAt(bits, 1);
        // Never a verdict: the card says "Ik geef geen oordeel", so each line says what the answers can point to.
        if (AnswerAt(bits, 2) == SelfCheckAnswers.Yes)
        {
            observations.Add(l.Pick(
                "- Het gebeurt vaker. Komt iets steeds terug en kun je je er moeilijk tegen verweren? Dan kan het om **pesten** gaan.",
                "- It happens more than once. Does it keep coming back, and do you find it hard to defend yourself? Then it may be **bullying**."));
            topics.Add(TopicIds.Bullying);
        }

        var sexual = AnswerAt(bits, 3);
        if (sexual is SelfCheckAnswers.Yes or SelfCheckAnswers.Unsure)
        {
            observations.Add(sexual == SelfCheckAnswers.Yes
                ? l.Pick(
                    "- Seksuele aandacht die jij niet wilt, in woorden, gebaren, berichten of aanrakingen, lijkt op wat we **seksuele intimidatie** noemen.",
                    "- Sexual attention you don't want, in words, gestures, messages or touching, is close to what we call **sexual harassment**.")
                : l.Pick(
                    "- Twijfel je of het iets seksueels had? Lees wat **seksuele intimidatie** is, en kijk of het past.",
                    "- Not sure whether it was sexual? Read what **sexual harassment** is, and see if it fits."));
            topics.Add(TopicIds.SexualHarassment);
        }

        var identity = AnswerAt(bits, 4);
        if (identity is SelfCheckAnswers.Yes or SelfCheckAnswers.Unsure)
        {
            observations.Add(identity == SelfCheckAnswers.Yes
                ? l.Pick(
                    "- Anders behandeld worden om wie je bent, lijkt op wat we **discriminatie** noemen.",
                    "- Being treated differently because of who you are is close to what we call **discrimination**.")
                : l.Pick(
                    "- Twijfel je of het met wie je bent te maken heeft? Lees wat **discriminatie** is, en kijk of het past.",
                    "- Not sure whether it is about who you are? Read what **discrimination** is, and see if it fits."));
            topics.Add(TopicIds.Discrimination);
        }

        var aggression = AnswerAt(bits, 5);
        if (aggression is SelfCheckAnswers.Yes or SelfCheckAnswers.Unsure)
        {
            // Only a "yes" gets the emergency number: "not sure" about shouting is no sign of danger.
            observations.Add(aggression == SelfCheckAnswers.Yes
                ? l.Pick(
                    "- Schreeuwen, dreigen of geweld lijkt op wat we **agressie en geweld** noemen. Ben je nu in gevaar? Bel **112**.",
                    "- Shouting, threats or violence are close to what we call **aggression and violence**. In acute danger? Call **112**.")
                : l.Pick(
                    "- Twijfel je of het dreigend was? Lees wat **agressie en geweld** is, en kijk of het past.",
                    "- Not sure whether it was threatening? Read what **aggression and violence** is, and see if it fits."));
            topics.Add(TopicIds.Aggression);
        }

        if (who == SelfCheckAnswers.Manager)
        {
            observations.Add(l.Pick(
                "- Het gaat om je leidinggevende of de leiding. Dat komt veel voor, en een verschil in macht maakt het vaak extra lastig. Ook dan kun je bij een vertrouwenspersoon terecht. Een VP kan met je meegaan naar een gesprek.",
                "- It concerns your manager or senior management. That is common, and a difference in power often makes it harder. You can still go to a confidential adviser. A VP can go with you to a meeting."));
        }
        else if (who == SelfCheckAnswers.Group)
        {
            observations.Add(l.Pick(
                "- Het komt van meerdere mensen. Dat gebeurt vaker, en het kan extra zwaar zijn. Ook dan kun je bij een vertrouwenspersoon terecht.",
                "- It comes from several people. That happens more often than you might think, and it can be extra hard. You can still go to a confidential adviser."));
        }
        else if (who == SelfCheckAnswers.Client)
        {
            observations.Add(l.Pick(
                "- Ook gedrag van klanten of inwoners telt mee als ongewenst gedrag.",
                "- Behaviour by clients or members of the public counts as unwanted behaviour too."));
        }

        if (topics.Count == 0)
        {
            observations.Add(l.Pick(
                "- Je antwoorden passen niet duidelijk bij één vorm. Dat zegt niets over hoe zwaar het voor jou is.",
                "- Your answers don't clearly fit one form. That says nothing about how hard it is for you."));
        }

        topics.Add(TopicIds.UnwantedBehaviour);
        return new SelfCheckResultView(l, observations, topics.Select(t => (t, knowledge[t].Text(l).Title)).ToList());
    }
}
