using System.Text.Json.Nodes;
using VpWijzer.Knowledge;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Dialogs;

/// <summary>The three safety levels and the replies that fit the person (issues 15 and 17), as a user meets them.</summary>
public sealed class SafetyConversationTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static JsonObject FirstContainer(JsonObject card) =>
        Conversation.Descendants(card).First(o => o["type"]?.GetValue<string>() == "Container");

    private static List<string> Urls(JsonNode node) =>
        Conversation.Descendants(node).Where(o => o["type"]?.GetValue<string>() == "Action.OpenUrl").Select(o => o["url"]!.GetValue<string>()).ToList();

    [Theory]
    [InlineData("ik wil niet meer leven")]
    [InlineData("I want to kill myself")]
    public async Task Acute_CrisisCardFirst_TapToCallInItsFirstElement(string text)
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync(text);

        Assert.Single(chat.LastReplies);
        var card = chat.LastCard;
        var first = FirstContainer(card);
        Assert.Equal("attention", first["style"]!.GetValue<string>());
        Assert.Equal(["tel:112", "tel:113", "tel:08000113", "https://www.113.nl"], Urls(first));
        Assert.Same(card["body"]![0], first);
    }

    [Fact]
    public async Task Acute_SomeoneElse_CallFirstStayWithThemThenTheVp()
    {
        var chat = fixture.NewConversation();

        await chat.SubmitAsync(new JsonObject { ["verb"] = "safety.answer", ["inDanger"] = true, ["other"] = true });

        var text = chat.LastCard.AllText();
        Assert.Contains("Bel 112", text, StringComparison.Ordinal);
        Assert.Contains("113", text, StringComparison.Ordinal);
        Assert.Contains("Blijf bij de persoon", text, StringComparison.Ordinal);
        Assert.Contains("vertrouwenspersoon", text, StringComparison.Ordinal);
        Assert.Contains("tel:113", Urls(chat.LastCard));
    }

    /// <summary>A message the screener puts at "possible" (which one depends on the trained model, so it is looked up).</summary>
    private static string PossibleMessage() =>
        new[]
        {
            "ik zie het allemaal niet meer zitten, alles is zinloos", "ik weet echt niet meer hoe ik verder moet", "het hoeft voor mij allemaal niet meer zo",
            "niemand zou het merken als ik er morgen niet ben", "ik ben het zo zat, ik kan niet meer", "ik wil niet meer naar mijn werk",
            "ik heb alles geregeld op het werk, mijn spullen zijn opgeruimd", "ik ben er klaar mee, met alles", "ik heb geen zin meer in mijn werk",
        }.First(t => TestKnowledge.Screener.Assess(t).Level == SafetyLevel.Possible && TestKnowledge.Classifier.Classify(t, VpWijzer.State.Language.Nl).Topic != TopicIds.Crisis);

    [Fact]
    public async Task Possible_RoutesAndTheDirectQuestionFirst_ThenTheAnswer_YesGivesTheCrisisCard()
    {
        var chat = fixture.NewConversation();
        var text = PossibleMessage();

        await chat.SendAsync(text);

        var check = Conversation.FindAction(JsonNode.Parse(chat.LastReplies[0].Attachments![0].Content!.Value.GetRawText())!.AsObject(), "Ja");
        Assert.Equal("safety.answer", check["data"]!["verb"]!.GetValue<string>());
        var firstCard = JsonNode.Parse(chat.LastReplies[0].Attachments![0].Content!.Value.GetRawText())!.AsObject();
        Assert.Contains("112", FirstContainer(firstCard).AllText(), StringComparison.Ordinal);
        Assert.Contains("tel:113", Urls(FirstContainer(firstCard)));
        Assert.Matches("Denk je erover om jezelf iets aan te doen|Is iemand nu in gevaar", firstCard.AllText());
        Assert.True(chat.LastReplies.Count >= 2, "the answer itself follows the question");

        await chat.SubmitAsync(check["data"]!.AsObject());

        Assert.Equal("attention", FirstContainer(chat.LastCard)["style"]!.GetValue<string>());
        Assert.Contains("tel:113", Urls(chat.LastCard));
    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("nee", false)]
    public async Task Possible_TypedYesOrNo_Understood(string answer, bool crisisCard)
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync(PossibleMessage());

        await chat.SendAsync(answer);

        if (crisisCard)
        {
            Assert.Contains("tel:112", Urls(chat.LastCard));
        }
        else
        {
            Assert.Contains("Fijn dat je het laat weten", chat.LastText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SafetyAnswer_TamperedPayload_KindMessage()
    {
        var chat = fixture.NewConversation();

        await chat.SubmitAsync(new JsonObject { ["verb"] = "safety.answer", ["inDanger"] = null });

        Assert.Equal(System.Net.HttpStatusCode.OK, chat.LastStatus);
        Assert.Contains("Ik begrijp je vraag nog niet goed", chat.LastCard.AllText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ik zou hem wel kunnen schieten, die printer")]
    public async Task NotInDanger_NoCrisisCard(string text)
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync(text);

        Assert.DoesNotContain(chat.LastReplies, r => r.Attachments is { Count: > 0 } a && a[0].Content!.Value.GetRawText().Contains("\"attention\"", StringComparison.Ordinal) && a[0].Content!.Value.GetRawText().Contains("tel:08000113", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hoi", "Hoi")]
    [InlineData("goedemorgen!", "Hoi")]
    [InlineData("bedankt!", "Graag gedaan")]
    [InlineData("oké", "Oké")]
    [InlineData("😢", "Ik zie dat het je raakt")]
    [InlineData("🙁🙁", "Ik zie dat het je raakt")]
    public async Task SmallTalk_ReplyFitsThePerson_NeverTheOffTopicAnswer(string text, string expected)
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync(text);

        var everything = chat.LastText + string.Join("\n", chat.LastReplies.Where(r => r.Attachments is { Count: > 0 }).Select(r => JsonNode.Parse(r.Attachments![0].Content!.Value.GetRawText())!.AsObject().AllText()));
        Assert.Contains(expected, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("ICT, verlof of salaris", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Ik weet niet zeker wat je bedoelt", everything, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hoi", SmallTalkKind.Greeting)]
    [InlineData("Hallo daar!", SmallTalkKind.Greeting)]
    [InlineData("ok thx", SmallTalkKind.Thanks)]
    [InlineData("👍", SmallTalkKind.Acknowledge)]
    [InlineData("💔", SmallTalkKind.Feeling)]
    [InlineData("ja", SmallTalkKind.Yes)]
    [InlineData("nee hoor", SmallTalkKind.No)]
    [InlineData("hoi, mijn collega pest me", SmallTalkKind.None)]
    [InlineData("bedankt voor alles, jullie zien me niet meer terug", SmallTalkKind.None)]
    public void SmallTalk_WholeMessageOnly(string text, SmallTalkKind expected)
    {
        Assert.Equal(expected, SmallTalk.Detect(text));
    }
}
