using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using VpWijzer.Scheduling;
using VpWijzer.Scheduling.Graph;
using VpWijzer.Tests.Fakes;

namespace VpWijzer.Tests.Scheduling;

/// <summary>The Graph implementation through a real GraphServiceClient against the stand-in Graph server.</summary>
#pragma warning disable CA1001 // Disposed in DisposeAsync (xunit lifetime).
public sealed class GraphCalendarServiceTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private StandInGraph _graph = null!;
    private DirectoryService _directory = null!;
    private GraphCalendarService _service = null!;

    public async Task InitializeAsync()
    {
        _graph = await StandInGraph.StartAsync();
        _graph.AddRoom("kamer.linde@gemeente.example", "Kamer Linde", 4, "vp-geschikt");
        _graph.AddRoom("kamer.eik@gemeente.example", "Kamer Eik", 3, "vp-geschikt");
        _graph.AddRoom("aquarium@gemeente.example", "Aquarium", 2, "vp-geschikt", "glazen-wand");
        _graph.AddRoom("plein@gemeente.example", "Plein", 4, "open-view");
        _graph.AddRoom("kast@gemeente.example", "Kast", 4);
        _directory = new DirectoryService(DirectoryLoader.DefaultPath, NullLogger<DirectoryService>.Instance);
        _service = Create(faultTolerant: false);
    }

    public async Task DisposeAsync()
    {
        _service.Dispose();
        _directory.Dispose();
        await _graph.DisposeAsync();
    }

    private GraphCalendarService Create(bool faultTolerant) => new(
        GraphClientBuilder.Create(new GraphOptions
        {
            BaseUrl = _graph.BaseUrl,
            Anonymous = true,
            RetryDelaySeconds = 0,
            MaxRetries = 3,
            AttemptTimeout = TimeSpan.FromMilliseconds(faultTolerant ? 300 : 5000),
            BreakRatio = 1.0,
        }),
        _directory,
        TimeProvider.System,
        NullLogger<GraphCalendarService>.Instance,
        readOrgChart: true);

    private VpProfile Vp(string id = "vp-anna") => _directory.Find(id)!;

    [Fact]
    public async Task Rooms_GlassOpenViewAndUntagged_NeverEligible_AndSelectUsed()
    {
        var rooms = await _service.GetEligibleRoomsAsync(CancellationToken.None);

        Assert.Equal(["kamer.eik@gemeente.example", "kamer.linde@gemeente.example"], rooms.Select(r => r.Id).Order());
        var request = Assert.Single(_graph.Requests, r => r.Path.Contains("graph.room", StringComparison.Ordinal));
        Assert.Contains("$select=", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindSlots_OneGetScheduleForVpAndRooms_EachSlotWithEligibleRoom()
    {
        var slots = await _service.FindSlotsAsync(Vp(), MeetingMode.InPerson, 4, CancellationToken.None);

        Assert.InRange(slots.Count, 3, 4);
        Assert.All(slots, s => Assert.Contains(s.Room!.Id, new[] { "kamer.linde@gemeente.example", "kamer.eik@gemeente.example" }));
        var schedule = Assert.Single(_graph.Requests, r => r.Path.EndsWith("/calendar/getSchedule", StringComparison.Ordinal));
        var body = JsonNode.Parse(schedule.Body)!;
        var schedules = body.AsObject().Single(p => p.Key.Equals("schedules", StringComparison.OrdinalIgnoreCase)).Value!.AsArray();
        Assert.Equal(Vp().UserPrincipalName, schedules[0]!.GetValue<string>());
        Assert.Equal(3, schedules.Count);
        Assert.Equal(slots.Count, slots.Select(s => s.Start.Date).Distinct().Count());
    }

    [Fact]
    public async Task FindSlots_RoomBusy_OtherRoomOrTime()
    {
        var first = (await _service.FindSlotsAsync(Vp(), MeetingMode.InPerson, 1, CancellationToken.None))[0];
        _graph.AddBusy(first.Room!.Id, first.Start, first.End);

        var again = (await _service.FindSlotsAsync(Vp(), MeetingMode.InPerson, 1, CancellationToken.None))[0];

        Assert.False(again.Start == first.Start && again.Room!.Id == first.Room.Id);
    }

    [Fact]
    public async Task Book_Anonymous_PrivateNeutralEventWithRoomMarkerAndTransactionId()
    {
        var slot = (await _service.FindSlotsAsync(Vp(), MeetingMode.InPerson, 1, CancellationToken.None))[0];
        var bookingId = Guid.NewGuid().ToString("N");

        var outcome = await _service.BookAsync(new BookingRequest(bookingId, Vp(), slot, MeetingMode.InPerson, null, "nl"), CancellationToken.None);

        Assert.IsType<BookingOutcome.Booked>(outcome);
        var post = Assert.Single(_graph.Requests, r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal));
        Assert.Equal($"/v1.0/users/{Vp().UserPrincipalName}/events", post.Path);
        var e = JsonNode.Parse(post.Body)!;
        Assert.Equal("Afspraak", e["subject"]!.GetValue<string>());
        Assert.Equal("private", e["sensitivity"]!.GetValue<string>());
        Assert.Equal(string.Empty, e["body"]!["content"]!.GetValue<string>());
        Assert.Equal(GraphCalendarService.TransactionId(bookingId), e["transactionId"]!.GetValue<string>());
        var attendee = Assert.Single(e["attendees"]!.AsArray());
        Assert.Equal("resource", attendee!["type"]!.GetValue<string>());
        Assert.Equal(slot.Room!.Id, attendee["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Equal(slot.Room.Id, e["location"]!["locationEmailAddress"]!.GetValue<string>());
        var marker = Assert.Single(e["singleValueExtendedProperties"]!.AsArray());
        Assert.Equal(GraphCalendarService.MarkerPropertyId, marker!["id"]!.GetValue<string>());
        Assert.Equal(GraphCalendarService.MarkerValue(bookingId), marker["value"]!.GetValue<string>());
        Assert.DoesNotContain(bookingId, post.Body, StringComparison.Ordinal);
        Assert.False(e["isOnlineMeeting"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Book_NamedTeamsCall_EmployeeRequiredAttendeeAndTeamsMeeting()
    {
        var slot = (await _service.FindSlotsAsync(Vp(), MeetingMode.TeamsCall, 1, CancellationToken.None))[0];

        await _service.BookAsync(new BookingRequest(Guid.NewGuid().ToString("N"), Vp(), slot, MeetingMode.TeamsCall, new Attendee("Eva Medewerker", "eva@gemeente.example"), "nl"), CancellationToken.None);

        var e = JsonNode.Parse(_graph.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)).Body)!;
        var attendee = Assert.Single(e["attendees"]!.AsArray());
        Assert.Equal("required", attendee!["type"]!.GetValue<string>());
        Assert.True(e["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("teamsForBusiness", e["onlineMeetingProvider"]!.GetValue<string>());
        Assert.Null(e["location"]);
    }

    [Fact]
    public async Task Book_RetriedAfterLostResponse_SameTransactionIdOneEvent()
    {
        var slot = (await _service.FindSlotsAsync(Vp(), MeetingMode.Phone, 1, CancellationToken.None))[0];
        var bookingId = Guid.NewGuid().ToString("N");
        await _service.BookAsync(new BookingRequest(bookingId, Vp(), slot, MeetingMode.Phone, null, "nl"), CancellationToken.None);

        var again = await _service.BookAsync(new BookingRequest(bookingId, Vp(), slot, MeetingMode.Phone, null, "nl"), CancellationToken.None);

        Assert.IsType<BookingOutcome.Booked>(again);
        Assert.Single(_graph.Events);
    }

    [Fact]
    public async Task Book_SlotTakenMeanwhile_FreshSlotsAndNoEvent()
    {
        var slot = (await _service.FindSlotsAsync(Vp(), MeetingMode.Phone, 1, CancellationToken.None))[0];
        _graph.AddBusy(Vp().UserPrincipalName, slot.Start, slot.End);

        var outcome = await _service.BookAsync(new BookingRequest(Guid.NewGuid().ToString("N"), Vp(), slot, MeetingMode.Phone, null, "nl"), CancellationToken.None);

        var conflict = Assert.IsType<BookingOutcome.SlotNoLongerFree>(outcome);
        Assert.DoesNotContain(conflict.Fresh, s => s.Start == slot.Start);
        Assert.Empty(_graph.Events);
    }

    [Fact]
    public async Task RescheduleAndCancel_PatchThenDelete_404CountsAsGone()
    {
        var slots = await _service.FindSlotsAsync(Vp(), MeetingMode.Phone, 2, CancellationToken.None);
        var booked = (BookingOutcome.Booked)await _service.BookAsync(new BookingRequest(Guid.NewGuid().ToString("N"), Vp(), slots[0], MeetingMode.Phone, null, "nl"), CancellationToken.None);

        var moved = await _service.RescheduleAsync("b", Vp(), booked.EventId, slots[1], MeetingMode.Phone, CancellationToken.None);
        var cancelled = await _service.CancelAsync(Vp(), booked.EventId, CancellationToken.None);
        var again = await _service.CancelAsync(Vp(), booked.EventId, CancellationToken.None);

        Assert.IsType<BookingOutcome.Booked>(moved);
        Assert.Contains(_graph.Requests, r => r.Method == "PATCH");
        Assert.True(cancelled);
        Assert.True(again);
        Assert.Empty(_graph.Events);
    }

    [Fact]
    public async Task OrgChart_DepartmentAndManagerChain_Read()
    {
        _graph.Users["emp"] = ("Stadsbeheer", "mgr1");
        _graph.Users["mgr1"] = (null, "mgr2");

        var position = await _service.GetAsync("emp", CancellationToken.None);

        Assert.Equal("Stadsbeheer", position!.Department);
        Assert.Equal(["mgr1", "mgr2"], position.ManagerChainObjectIds);
    }

    [Fact]
    public async Task TwoHundredBookings_ThirtyPercentFaults_CompleteOrClearNoDuplicatesNoOrphans()
    {
        using var tolerant = Create(faultTolerant: true);
        _graph.FaultRate = 0.3;
        var vps = _directory.All;
        var booked = new HashSet<string>();
        var clear = 0;

        for (var i = 0; i < 200; i++)
        {
            var vp = vps[i % vps.Count];
            var mode = (MeetingMode)(i % 3);
            IReadOnlyList<Slot> slots;
            try
            {
                slots = await tolerant.FindSlotsAsync(vp, mode, 4, CancellationToken.None);
            }
            catch (HttpRequestException)
            {
                clear++;
                continue;
            }

            if (slots.Count == 0)
            {
                clear++;
                continue;
            }

            var outcome = await tolerant.BookAsync(new BookingRequest(Guid.NewGuid().ToString("N"), vp, slots[i % slots.Count], mode, null, "nl"), CancellationToken.None);
            switch (outcome)
            {
                case BookingOutcome.Booked b:
                    Assert.True(booked.Add(b.EventId), "an event id was reported twice");
                    break;
                default:
                    clear++;
                    break;
            }
        }

        var events = _graph.Events;
        Assert.True(_graph.FaultsInjected > 100, $"only {_graph.FaultsInjected} faults were injected");
        Assert.Equal(200, booked.Count + clear);
        Assert.Equal(events.Count, events.Select(e => e["transactionId"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(booked.Order(), events.Select(e => e["id"]!.GetValue<string>()).Order());
        Assert.True(booked.Count > 100, $"only {booked.Count} of 200 completed");
    }
}
