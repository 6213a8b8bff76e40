using VpWijzer.Cards;
using VpWijzer.Knowledge;
using VpWijzer.State;

namespace VpWijzer.Dialogs;

/// <summary>
/// One short line before the facts when someone tells what happened to them (issue 17): a story is met as a story,
/// not with a leaflet. It never judges what happened and never repeats what was typed.
/// </summary>
public static class Acknowledgement
{
    private static readonly HashSet<string> ExperienceTopics = new(StringComparer.Ordinal)
    {
        TopicIds.UnwantedBehaviour, TopicIds.Bullying, TopicIds.SexualHarassment, TopicIds.Discrimination, TopicIds.Aggression,
        TopicIds.LabourDispute, TopicIds.PrivateProblems, TopicIds.ComplaintAboutVp, TopicIds.Integrity,
    };

    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal) { "ik", "me", "mij", "mijn", "i", "my", "myself", "im", "ive" };

    /// <summary>The line to say first, or null when the message is a question rather than a story about the writer.</summary>
    public static string? For(string topic, string text, Language l)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetter).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count < 8 || !words.Any(FirstPerson.Contains))
        {
            return null;
        }

        return topic switch
        {
            TopicIds.Accused => l.Pick("Dat is niet niks, als er over jou geklaagd wordt.", "That's a lot to deal with, when someone complains about you."),
            TopicIds.Bystander => l.Pick("Goed dat je oog hebt voor een ander.", "It's good that you care about someone else."),
            _ when ExperienceTopics.Contains(topic) => l.Pick("Vervelend dat je dit meemaakt.", "I'm sorry you're going through this."),
            _ => null,
        };
    }
}
