using VpWijzer.Knowledge;
using VpWijzer.State;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Dialogs;

public sealed class KnowledgeConversationTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static string TitleOf(string topic, Language language = Language.Nl) => TestKnowledge.Base[topic].Text(language).Title;

    [Theory]
    [InlineData("Wat valt er allemaal onder ongewenste omgangsvormen op het werk?", TopicIds.UnwantedBehaviour)]
    [InlineData("ze lachen me steeds uit en ik mag nooit mee lunchen", TopicIds.Bullying)]
    [InlineData("mijn chef maakt opmerkingen over mijn lichaam en raakt me aan", TopicIds.SexualHarassment)]
    [InlineData("ik krijg minder kansen door mijn hoofddoek", TopicIds.Discrimination)]
    [InlineData("een klant aan de balie schreeuwde en gooide met een stoel", TopicIds.Aggression)]
    [InlineData("wat kan ik verwachten van een vertrouwenspersoon", TopicIds.VpRole)]
    [InlineData("kan de vertrouwenspersoon bemiddelen tussen mij en mijn collega", TopicIds.VpLimits)]
    [InlineData("vertelt de vertrouwenspersoon het door aan mijn leidinggevende?", TopicIds.Confidentiality)]
    [InlineData("hoe dien ik een officiële klacht in", TopicIds.ReportComplaint)]
    [InlineData("mag ik een vertrouwenspersoon van een andere afdeling kiezen", TopicIds.ChooseVp)]
    [InlineData("kan het gesprek ook telefonisch", TopicIds.MeetingPractical)]
    [InlineData("ik ben het niet eens met mijn ontslag, wat zijn mijn rechten", TopicIds.LabourDispute)]
    [InlineData("ik vermoed dat mijn collega geld steelt van de organisatie", TopicIds.Integrity)]
    [InlineData("ik heb veel schulden en slaap slecht", TopicIds.PrivateProblems)]
    [InlineData("er is een klacht over mij ingediend", TopicIds.Accused)]
    [InlineData("ik wil klagen over de vertrouwenspersoon", TopicIds.ComplaintAboutVp)]
    [InlineData("bewaren jullie wat ik hier typ?", TopicIds.PrivacyBot)]
    [InlineData("ik zag dat een collega werd uitgescholden, wat kan ik doen", TopicIds.Bystander)]
    [InlineData("ik ben teamleider en een medewerker meldt pesten, wat moet ik doen", TopicIds.Manager)]
    public async Task Ask_Question_AnswerCardForTopic(string question, string topic)
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync(question);

        var card = chat.LastCard;
        Assert.Equal(TitleOf(topic), card.Title());
        Assert.Contains("booking.start", card.Verbs());
    }

    [Fact]
    public async Task Ask_OutOfScope_FriendlyNoneAnswer()
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync("hoe reset ik mijn wachtwoord van de laptop");

        Assert.Equal(TitleOf(TopicIds.None), chat.LastCard.Title());
    }

    [Fact]
    public async Task Ask_Greeting_HelpCard()
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync("hallo, wat kun je allemaal?");

        Assert.Contains("Dit kan ik voor je doen", chat.LastCard.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Vague_ClarifyingCardWithTopicButtons()
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync("wat moet ik doen");

        var card = chat.LastCard;
        Assert.Contains("Ik weet niet zeker wat je bedoelt", card.AllText(), StringComparison.Ordinal);
        Assert.InRange(card.Verbs().Count(v => v == "kb.topic"), 2, 3);
    }

    [Fact]
    public async Task ClickFollowUp_ShowsThatTopic()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("wat is pesten op het werk");
        var followUp = TestKnowledge.Base[TopicIds.Bullying].FollowUps.First(f => f != TopicIds.Book);

        await chat.ClickAsync(TitleOf(followUp));

        Assert.Equal(TitleOf(followUp), chat.LastCard.Title());
    }

    [Fact]
    public async Task EnglishQuestion_AnsweredInEnglish()
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync("What does a confidential adviser actually do?");

        Assert.Equal(TitleOf(TopicIds.VpRole, Language.En), chat.LastCard.Title());
    }

    [Fact]
    public async Task LanguageButton_InTheMenuNotOnAnswers_SwitchesAndStays()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("wat is discriminatie");
        Assert.DoesNotContain("\"English\"", chat.LastCard.ToJsonString(), StringComparison.Ordinal);

        await chat.ClickAsync("Menu");
        await chat.ClickAsync("English");
        await chat.SendAsync("pesten");

        Assert.Equal(TitleOf(TopicIds.Bullying, Language.En), chat.LastCard.Title());
    }

    [Fact]
    public async Task SelfCheck_FiveButtons_ResultNamesFormsWithoutVerdict()
    {
        var chat = fixture.NewConversation();
        await chat.StartAsync();

        await chat.ClickAsync("Korte check");
        await chat.ClickAsync("Mijn leidinggevende");
        await chat.ClickAsync("Ja, vaker");
        await chat.ClickAsync("Nee");
        await chat.ClickAsync("Nee");
        await chat.ClickAsync("Nee");

        var text = chat.LastCard.AllText();
        Assert.Contains("pesten", text, StringComparison.Ordinal);
        Assert.Contains("leidinggevende", text, StringComparison.Ordinal);
        Assert.Contains("Ik geef geen oordeel", text, StringComparison.Ordinal);
        Assert.Contains("booking.start", chat.LastCard.Verbs());
    }

    [Fact]
    public async Task SelfCheck_Repeated_SaysItMayBeBullyingNotThatItIs()
    {
        var chat = fixture.NewConversation();
        await chat.StartAsync();

        await chat.ClickAsync("Korte check");
        await chat.ClickAsync("Een collega");
        await chat.ClickAsync("Ja, vaker");
        await chat.ClickAsync("Ja");
        await chat.ClickAsync("Ja");
        await chat.ClickAsync("Nee");

        var text = chat.LastCard.AllText();
        Assert.Contains("kan het om **pesten** gaan", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" heet ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfCheck_NotSureAboutShouting_NoEmergencyNumber()
    {
        var chat = fixture.NewConversation();
        await chat.StartAsync();

        await chat.ClickAsync("Korte check");
        await chat.ClickAsync("Een collega");
        await chat.ClickAsync("Nee, één keer");
        await chat.ClickAsync("Nee");
        await chat.ClickAsync("Nee");
        await chat.ClickAsync("Weet ik niet");

        var observations = string.Join("\n", chat.LastCard.AllText().Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Contains("agressie en geweld", observations, StringComparison.Ordinal);
        Assert.DoesNotContain("112", observations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_SaysABookingStaysUntilCancelled()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("check");

        await chat.SendAsync("stop");

        Assert.Contains("blijft staan", chat.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain("alles van dit gesprek vergeten", chat.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfCheck_Back_ReturnsToPreviousQuestion()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("check");
        await chat.ClickAsync("Een collega");

        await chat.ClickAsync("Terug");

        Assert.Contains("Wie doet het?", chat.LastCard.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfCheck_StaleButton_RestartsKindly()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("check");
        var firstQuestion = chat.LastCard;
        await chat.ClickAsync("Een collega");
        chat.GetType();

        await chat.SubmitAsync(Conversation.FindAction(firstQuestion, "Mijn leidinggevende")["data"]!.AsObject());

        Assert.Contains("al voorbij", chat.LastText, StringComparison.Ordinal);
        Assert.Contains("Wie doet het?", chat.LastCard.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crisis_DuringSelfCheck_EmergencyRoutesFirst()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("check");

        await chat.SendAsync("ik wil niet meer leven");

        var card = chat.LastCard;
        var first = Conversation.Descendants(card).First(o => o["type"]?.GetValue<string>() == "Container");
        Assert.Equal("attention", first["style"]!.GetValue<string>());
        var opening = string.Join(" ", Conversation.Descendants(first).Where(o => o["text"] is not null).Select(o => o["text"]!.GetValue<string>()));
        Assert.Contains("112", opening, StringComparison.Ordinal);
        Assert.Contains("113", opening, StringComparison.Ordinal);
        Assert.False(card.AllText().TrimStart().StartsWith('?'));
    }

    [Fact]
    public async Task Crisis_English_EmergencyRoutes()
    {
        var chat = fixture.NewConversation(locale: "en-US");

        await chat.SendAsync("I don't want to live anymore");

        Assert.Contains("0800-0113", chat.LastCard.AllText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("menu")]
    [InlineData("stop")]
    public async Task Commands_WorkInsideAFlow(string command)
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("check");

        await chat.SendAsync(command);

        var replies = chat.LastReplies;
        Assert.NotEmpty(replies);
        await chat.SendAsync("Ja");
        Assert.DoesNotContain("Gebeurt het vaker", chat.LastReplies.Select(r => r.Attachments?.FirstOrDefault()?.Content?.GetRawText() ?? string.Empty).FirstOrDefault() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedTopicButton_KindMessageNoCrash()
    {
        var chat = fixture.NewConversation();

        await chat.SubmitAsync(new System.Text.Json.Nodes.JsonObject { ["verb"] = "kb.topic", ["topic"] = "../../etc/passwd" });

        Assert.Equal(System.Net.HttpStatusCode.OK, chat.LastStatus);
        Assert.Contains("Ik begrijp je vraag nog niet goed", chat.LastCard.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPayloadType_KindMessage()
    {
        var chat = fixture.NewConversation();

        await chat.SubmitAsync(new System.Text.Json.Nodes.JsonObject { ["verb"] = "selfcheck.answer", ["step"] = "one", ["answer"] = 5 });

        Assert.Contains("werkt niet", chat.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SENTINEL-7f3a mijn collega Jan de Vries pest me elke dag")]
    [InlineData("ik wil niet meer leven SENTINEL-7f3a")]
    [InlineData("SENTINEL-7f3a")]
    public async Task UserText_NeverEchoedInAnyReply(string text)
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync(text);

        Assert.NotEmpty(chat.LastReplies);
        var everything = string.Join("\n", fixture.Connector.Requests.Where(r => r.Body.Contains(chat.ConversationId, StringComparison.Ordinal)).Select(r => r.Body));
        Assert.DoesNotContain("SENTINEL-7f3a", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Jan de Vries", everything, StringComparison.Ordinal);
        var logs = fixture.Bot.Logs.AllText;
        Assert.NotEmpty(fixture.Bot.Logs.Lines);
        Assert.DoesNotContain("SENTINEL-7f3a", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.UserName, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.UserObjectId, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.ConversationId, logs, StringComparison.Ordinal);
    }
}
