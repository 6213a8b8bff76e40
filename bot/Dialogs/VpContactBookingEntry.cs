using VpWijzer.Cards;
using VpWijzer.Knowledge;
using VpWijzer.Routing;

namespace VpWijzer.Dialogs;

/// <summary>Until a calendar is connected: what a VP does and does not do, and how to reach one.</summary>
public sealed class VpContactBookingEntry(KnowledgeBase knowledge) : IBookingEntry
{
    public Task StartAsync(TurnContext context)
    {
        var l = context.Language;
        var book = knowledge[TopicIds.Book].Text(l);
        var followUps = new[] { TopicIds.VpLimits, TopicIds.ChooseVp, TopicIds.MeetingPractical }
            .Select(t => (t, knowledge[t].Text(l).Title))
            .ToList();
        context.State.LastTopic = TopicIds.Book;
        context.SendCard(AnswerCard.Create(new AnswerView(l, TopicIds.Book, book.Title, book.Answer, followUps, OfferVp: false)), book.Title);
        return Task.CompletedTask;
    }
}
