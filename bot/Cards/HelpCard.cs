using VpWijzer.State;

namespace VpWijzer.Cards;

/// <param name="Language">Card language.</param>
/// <param name="NotUnderstood">True when the user's last message could not be matched.</param>
public sealed record HelpView(Language Language, bool NotUnderstood);

/// <summary>What the bot can do, and the way back to the menu.</summary>
public static class HelpCard
{
    public static AdaptiveCard Create(HelpView view)
    {
        var l = view.Language;
        var body = new List<CardElement>();
        if (view.NotUnderstood)
        {
            body.Add(new TextBlock(l.Pick(
                "Ik begrijp je vraag nog niet goed. Dat ligt aan mij, niet aan jou. Probeer het in andere woorden, of kies hieronder.",
                "I don't quite understand your question yet. That's on me, not you. Try other words, or choose below.")));
        }

        body.Add(new TextBlock(l.Pick("Dit kan ik voor je doen", "This is what I can do")) { Weight = "Bolder", Size = "Medium", Style = "heading" });
        body.Add(new TextBlock(l.Pick(
            "- uitleggen wat ongewenst gedrag is\n- vertellen wat een vertrouwenspersoon wel en niet doet\n- laten zien waar je nog meer terecht kunt\n- een korte check: is dit ongewenst gedrag?\n- een gesprek met een vertrouwenspersoon regelen",
            "- explain what unwanted behaviour is\n- tell you what a confidential adviser does and does not do\n- show where else you can go\n- a quick check: is this unwanted behaviour?\n- arrange a conversation with a confidential adviser")));
        body.Add(new TextBlock(CommonText.NothingStored.For(l)) { IsSubtle = true });
        body.Add(new TextBlock(l.Pick(
            "Typ **menu** om terug te gaan, of **stop** om opnieuw te beginnen.",
            "Type **menu** to go back, or **stop** to start over.")) { IsSubtle = true });
        body.Add(new ActionSet { Actions = MenuActions.Create(l) });
        body.Add(new TextBlock(CommonText.SafetyLine.For(l)) { IsSubtle = true, Size = "Small", Separator = true });

        return new AdaptiveCard
        {

            FallbackText = l.Pick("Dit kan ik voor je doen.", "This is what I can do."),
            Body = body,
        };
    }
}
