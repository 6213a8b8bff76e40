using VpWijzer.Cards;
using VpWijzer.Dialogs;
using VpWijzer.Knowledge;
using VpWijzer.State;

namespace VpWijzer.Tests.Infrastructure;

/// <summary>Every card the bot can send to an employee, in every language and variant.</summary>
public static class CardCatalog
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All(KnowledgeBase knowledge)
    {
        foreach (var l in new[] { Language.Nl, Language.En })
        {
            var tag = l.Tag();
            yield return ($"welcome.{tag}", WelcomeCard.Create(new WelcomeView(l)));
            yield return ($"help.{tag}", HelpCard.Create(new HelpView(l, NotUnderstood: false)));
            yield return ($"help-not-understood.{tag}", HelpCard.Create(new HelpView(l, NotUnderstood: true)));
            foreach (var topic in knowledge.Topics)
            {
                var text = topic.Text(l);
                var followUps = topic.FollowUps.Select(f => (f, knowledge[f].Text(l).Title)).ToList();
                yield return ($"answer.{topic.Id}.{tag}", AnswerCard.Create(new AnswerView(l, topic.Id, text.Title, text.Answer, followUps, OfferVp: true)));
            }

            var crisis = knowledge[TopicIds.Crisis].Text(l);
            yield return ($"crisis.{tag}", CrisisCard.Create(new CrisisView(l, crisis.Title, crisis.Answer)));
            yield return ($"clarify.{tag}", ClarifyCard.Create(new ClarifyView(l, [(TopicIds.Bullying, "Pesten"), (TopicIds.Aggression, "Agressie"), (TopicIds.VpRole, "VP")])));
            for (var step = 1; step <= SelfCheck.Steps; step++)
            {
                yield return ($"selfcheck-{step}.{tag}", SelfCheckCard.Create(SelfCheck.Question(l, step)));
            }

            yield return ($"selfcheck-result-none.{tag}", SelfCheckResultCard.Create(SelfCheck.Result(l, 0, knowledge)));
            var all = SelfCheck.Record(0, 1, SelfCheckAnswers.Manager);
            for (var step = 2; step <= SelfCheck.Steps; step++)
            {
                all = SelfCheck.Record(all, step, SelfCheckAnswers.Yes);
            }

            yield return ($"selfcheck-result-all.{tag}", SelfCheckResultCard.Create(SelfCheck.Result(l, all, knowledge)));
        }
    }

    /// <summary>Cards built from fixed views (not content), pinned by snapshots.</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> Pinned()
    {
        foreach (var l in new[] { Language.Nl, Language.En })
        {
            var tag = l.Tag();
            yield return ($"welcome.{tag}", WelcomeCard.Create(new WelcomeView(l)));
            yield return ($"help-not-understood.{tag}", HelpCard.Create(new HelpView(l, NotUnderstood: true)));
            yield return ($"answer.{tag}", AnswerCard.Create(new AnswerView(l, "bullying", "Title", ["Paragraph one.", "- a\n- b"], [("vp-role", "VP")], OfferVp: true)));
            yield return ($"crisis.{tag}", CrisisCard.Create(new CrisisView(l, "Title", ["Bel 112.", "Second."])));
            yield return ($"clarify.{tag}", ClarifyCard.Create(new ClarifyView(l, [("bullying", "Pesten"), ("aggression", "Agressie")])));
            yield return ($"selfcheck-1.{tag}", SelfCheckCard.Create(SelfCheck.Question(l, 1)));
            yield return ($"selfcheck-3.{tag}", SelfCheckCard.Create(SelfCheck.Question(l, 3)));
        }
    }
}
