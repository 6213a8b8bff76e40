using Microsoft.Extensions.DependencyInjection;
using VpWijzer.Scheduling.Demo;
using VpWijzer.Scheduling;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Dialogs;

public sealed class BookingConversationTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static readonly string[] NeverOffered = ["Aquarium", "Glazen Box", "Ontmoetingsplein", "Esdoorn", "Hazelaar"];

    [Fact]
    public async Task Book_InPersonAnonymous_FromQuestionToConfirmationUsingOnlyCards()
    {
        var chat = fixture.NewConversation();

        await chat.SendAsync("Ik wil een afspraak met een vertrouwenspersoon");
        var intro = chat.LastCard.AllText();
        await chat.ClickAsync("Verder");
        await chat.ClickAsync("Kies Anna");
        await chat.ClickAsync("Op kantoor");
        var slots = chat.LastCard;
        await chat.ClickAsync("Dit tijdstip");
        await chat.ClickAsync("Reservering zonder naam");
        await chat.ClickAsync("Overslaan");
        await chat.ClickAsync("Ja, maak de afspraak");

        Assert.Contains("luistert", intro, StringComparison.Ordinal);
        Assert.Contains("Een VP doet niet", intro, StringComparison.Ordinal);
        Assert.Contains("geef ik niet door", intro, StringComparison.Ordinal);
        Assert.InRange(slots.Verbs().Count(v => v == "booking.slot"), 3, 5);
        Assert.All(NeverOffered, room => Assert.DoesNotContain(room, slots.AllText(), StringComparison.Ordinal));
        var booked = chat.LastCard.AllText();
        Assert.Contains("Je afspraak staat", booked, StringComparison.Ordinal);
        Assert.Contains("Anna de Wit", booked, StringComparison.Ordinal);
        Assert.Contains("zonder glazen wanden", booked, StringComparison.Ordinal);
        Assert.Contains("booking.cancel", chat.LastCard.Verbs());
    }

    [Fact]
    public async Task Book_TeamsCall_NoRoomOffered()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("afspraak maken");
        await chat.ClickAsync("Verder");

        await chat.ClickAsync("Eerst beschikbare");
        await chat.ClickAsync("Via Teams");

        var text = chat.LastCard.AllText();
        Assert.DoesNotContain("Kamer", text, StringComparison.Ordinal);
        Assert.Contains("booking.slot", chat.LastCard.Verbs());
    }

    [Fact]
    public async Task Book_ThenCancel_EventGoneAndCardSaysSo()
    {
        var demo = fixture.Bot.Services.GetRequiredService<DemoCalendarService>();
        var chat = fixture.NewConversation();
        await chat.BookAnonymouslyAsync("Kies Fatima");
        var afterBooking = demo.EventCount;

        await chat.ClickAsync("Afzeggen");

        // One tap next to "Ander tijdstip" must not cancel: first "Weet je het zeker?".
        Assert.Contains("Afspraak afzeggen?", chat.LastCard.AllText(), StringComparison.Ordinal);
        Assert.Equal(afterBooking, demo.EventCount);

        await chat.ClickAsync("Ja, zeg af");

        var card = chat.LastCard;
        Assert.Contains("gaat niet door", card.AllText(), StringComparison.Ordinal);
        Assert.Contains("niet waarom", card.AllText(), StringComparison.Ordinal);
        Assert.Contains("booking.start", card.Verbs());
        Assert.DoesNotContain("booking.cancel", card.Verbs());
        Assert.Equal(afterBooking - 1, demo.EventCount);
    }

    [Fact]
    public async Task Book_ThenCancel_NoKeepsTheAppointment()
    {
        var demo = fixture.Bot.Services.GetRequiredService<DemoCalendarService>();
        var chat = fixture.NewConversation();
        await chat.BookAnonymouslyAsync("Kies Fatima");
        var afterBooking = demo.EventCount;

        await chat.ClickAsync("Afzeggen");
        await chat.ClickAsync("Nee, laat staan");

        Assert.Contains("blijft gewoon staan", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(afterBooking, demo.EventCount);
    }

    [Fact]
    public async Task Confirm_DoubleClick_BooksOnce()
    {
        var demo = fixture.Bot.Services.GetRequiredService<DemoCalendarService>();
        var chat = fixture.NewConversation();
        await chat.SendAsync("afspraak maken");
        await chat.ClickAsync("Verder");
        await chat.ClickAsync("Kies Joost");
        await chat.ClickAsync("Telefonisch");
        await chat.ClickAsync("Dit tijdstip");
        await chat.ClickAsync("Reservering zonder naam");
        await chat.ClickAsync("Overslaan");
        var confirm = chat.LastCard;
        var before = demo.EventCount;

        await chat.SubmitAsync(Conversation.FindAction(confirm, "Ja, maak de afspraak")["data"]!.AsObject());
        await chat.SubmitAsync(Conversation.FindAction(confirm, "Ja, maak de afspraak")["data"]!.AsObject());

        Assert.Equal(before + 1, demo.EventCount);
        Assert.Contains("eerdere stap", chat.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedSlot_NeverOffered_Rejected()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("afspraak maken");
        await chat.ClickAsync("Verder");
        await chat.ClickAsync("Kies Sanne");
        await chat.ClickAsync("Telefonisch");

        await chat.SubmitAsync(new System.Text.Json.Nodes.JsonObject { ["verb"] = "booking.slot", ["slotId"] = "s0000000000000000" });

        Assert.Contains("Er is niets veranderd", chat.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("filterGender", "female")]
    [InlineData("filterGender", "male")]
    [InlineData("filterLanguage", "tr")]
    [InlineData("filterLanguage", "ar")]
    [InlineData("filterKind", "external")]
    [InlineData("filterKind", "internal")]
    [InlineData("filterFocus", "sexual-harassment")]
    public async Task EachFilter_ListsOnlyMatchingVps_AndAtLeastOne(string input, string value)
    {
        var directory = fixture.Bot.Services.GetRequiredService<IVpDirectory>().All;
        bool Matches(VpProfile vp) => input switch
        {
            "filterGender" => vp.Gender == value,
            "filterLanguage" => vp.Languages.Contains(value),
            "filterKind" => vp.IsExternal == (value == "external"),
            _ => vp.Focus.Contains(value),
        };
        var chat = fixture.NewConversation();
        await chat.SendAsync("afspraak maken");
        await chat.ClickAsync("Verder");
        var inputs = new Dictionary<string, string> { ["filterGender"] = "any", ["filterLanguage"] = "any", ["filterKind"] = "any", ["filterFocus"] = "any", [input] = value };

        // The dropdown offers the value the test submits (the review found titles and values swapped).
        var choice = Conversation.Descendants(chat.LastCard).Single(o => o["id"]?.GetValue<string>() == input);
        Assert.Contains(choice["choices"]!.AsArray(), c => c!["value"]!.GetValue<string>() == value);
        await chat.ClickAsync("Filters toepassen", inputs);

        var offered = Conversation.Descendants(chat.LastCard).Where(o => o["data"]?["verb"]?.GetValue<string>() == "booking.vp").Select(o => o["data"]!["vpId"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(offered);
        Assert.Equal(directory.Where(Matches).Select(v => v.Id).Order(), offered.Order());
        Assert.Contains("Filters (1 aan)", chat.LastCard.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedVp_Unknown_KindMessageAndGalleryAgain()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("afspraak maken");
        await chat.ClickAsync("Verder");

        await chat.SubmitAsync(new System.Text.Json.Nodes.JsonObject { ["verb"] = "booking.vp", ["vpId"] = "vp-does-not-exist" });

        Assert.Contains("kan ik je niet aanbieden", chat.LastText, StringComparison.Ordinal);
        Assert.Contains("booking.vp", chat.LastCard.Verbs());
    }

    [Fact]
    public async Task CancelSomeoneElsesBooking_Refused()
    {
        var owner = fixture.NewConversation();
        await owner.BookAnonymouslyAsync("Kies Fatima");
        var cancel = Conversation.FindAction(owner.LastCard, "Afzeggen")["data"]!.AsObject();
        var demo = fixture.Bot.Services.GetRequiredService<DemoCalendarService>();
        var before = demo.EventCount;
        var intruder = fixture.NewConversation();

        await intruder.SubmitAsync(cancel);

        Assert.Contains("niet (meer) vinden", intruder.LastText, StringComparison.Ordinal);
        Assert.Equal(before, demo.EventCount);
    }

    [Fact]
    public async Task GalleryFilter_External_OnlyExternalVps()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("afspraak maken");
        await chat.ClickAsync("Verder");

        await chat.ClickAsync("Filters toepassen", new Dictionary<string, string> { ["filterKind"] = "external", ["filterGender"] = "any", ["filterLanguage"] = "any", ["filterFocus"] = "any" });

        var text = chat.LastCard.AllText();
        Assert.Contains("Lotte Jansen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna de Wit", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_FromSlots_ShowsModeAgain()
    {
        var chat = fixture.NewConversation();
        await chat.SendAsync("afspraak maken");
        await chat.ClickAsync("Verder");
        await chat.ClickAsync("Kies Anna");
        await chat.ClickAsync("Telefonisch");

        await chat.ClickAsync("Terug");

        Assert.Contains("booking.mode", chat.LastCard.Verbs());
    }

    [Fact]
    public async Task AnonymousBooking_IcsLink_NeutralPrivateFile_TamperedLink404()
    {
        var chat = fixture.NewConversation();
        await chat.BookAnonymouslyAsync("Kies Fatima");
        var url = new Uri(Conversation.Descendants(chat.LastCard).First(o => o["type"]?.GetValue<string>() == "Action.OpenUrl" && o["url"]!.GetValue<string>().EndsWith(".ics", StringComparison.Ordinal))["url"]!.GetValue<string>());

        using var ics = await fixture.Bot.Http.GetAsync(url.PathAndQuery);
        var body = await ics.Content.ReadAsStringAsync();
        using var tampered = await fixture.Bot.Http.GetAsync(url.PathAndQuery.Replace(".ics", "0.ics", StringComparison.Ordinal));

        Assert.Equal(System.Net.HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        Assert.Contains("SUMMARY:Afspraak", body, StringComparison.Ordinal);
        Assert.Contains("CLASS:PRIVATE", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Fatima", body, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, tampered.StatusCode);
    }
}
