using Microsoft.Extensions.Options;
using VpWijzer.Chat;
using VpWijzer.Protocol;

namespace VpWijzer.Tests.DirectLine;

/// <summary>The in-memory conversations of the chat: byte budgets, expiry and what a refused start costs.</summary>
public sealed class DirectLineConversationsTests
{
    [Fact]
    public void UnreadQueue_OverItsBytes_OldestDropped_NewestAlwaysKept()
    {
        var (conversations, _) = Create(new ChatOptions { MaxQueuedBytesPerConversation = 16 * 1024 });
        var conversation = conversations.TryCreate()!;

        for (var i = 0; i < 10; i++)
        {
            conversation.Append(Message(3000));
        }

        var afterSmall = conversation.QueuedBytes;
        conversation.Append(Message(40_000));
        var (activities, watermark) = conversation.Read(0);

        Assert.InRange(afterSmall, 12 * 1024, 16 * 1024);
        Assert.Single(activities);
        Assert.Equal(11, watermark);
        Assert.True(conversation.QueuedBytes > 40_000, "the newest activity is kept however large");
        Assert.Equal(conversation.QueuedBytes, conversations.QueuedBytes);
    }

    [Fact]
    public void Budget_AcknowledgedAndExpiredQueues_GiveTheirBytesBack()
    {
        var (conversations, clock) = Create(new ChatOptions { IdleTtl = TimeSpan.FromMinutes(1) });
        var read = conversations.TryCreate()!;
        var abandoned = conversations.TryCreate()!;
        read.Append(Message(5000));
        abandoned.Append(Message(5000));

        read.Read(1);
        var afterAcknowledge = conversations.QueuedBytes;
        clock.Advance(TimeSpan.FromMinutes(2));
        conversations.Sweep();

        Assert.InRange(afterAcknowledge, 5000, 6000);
        Assert.Equal(0, conversations.QueuedBytes);
        Assert.Equal(0, conversations.Count);
    }

    [Fact]
    public void Budget_Exceeded_NoNewConversation_ThenStaleQueuesDroppedFirst()
    {
        var (conversations, clock) = Create(new ChatOptions { MaxQueuedBytes = 1024 * 1024, MaxQueuedBytesPerConversation = 64 * 1024 });
        var stale = Enumerable.Range(0, 10).Select(_ => conversations.TryCreate()!).ToList();
        var reading = Enumerable.Range(0, 10).Select(_ => conversations.TryCreate()!).ToList();
        stale.ForEach(c => Fill(c));
        clock.Advance(DirectLineConversations.UnreadEvictAfter + TimeSpan.FromSeconds(1));
        conversations.Sweep();
        reading.ForEach(c => Fill(c));
        Assert.True(conversations.QueuedBytes > 1024 * 1024);

        var refused = conversations.TryCreate();
        clock.Advance(DirectLineConversations.MinSweepInterval);
        var afterSweep = conversations.TryCreate();

        Assert.Null(refused);
        Assert.NotNull(afterSweep);
        Assert.All(reading, c => Assert.NotNull(conversations.Find(c.Id)));
        Assert.Contains(stale, c => conversations.Find(c.Id) is null);
        Assert.True(conversations.QueuedBytes <= 1024 * 1024 / 10 * 9);
    }

    [Fact]
    public void RefusedStarts_AtTheCap_DoNotEachWalkEveryConversation()
    {
        var (conversations, clock) = Create(new ChatOptions { MaxConversations = 10 });
        for (var i = 0; i < 10; i++)
        {
            conversations.TryCreate();
        }

        clock.Advance(DirectLineConversations.MinSweepInterval);
        var sweepsBefore = conversations.Sweeps;
        var refused = Enumerable.Range(0, 1000).Count(_ => conversations.TryCreate() is null && !conversations.HasRoom());

        Assert.Equal(1000, refused);
        Assert.Equal(1, conversations.Sweeps - sweepsBefore);
    }

    [Fact]
    public void AtTheCap_IdleConversations_MakeRoomBeforeTheTimer()
    {
        var (conversations, clock) = Create(new ChatOptions { MaxConversations = 10, IdleTtl = TimeSpan.FromMinutes(1) });
        for (var i = 0; i < 10; i++)
        {
            conversations.TryCreate();
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        var created = conversations.TryCreate();

        Assert.NotNull(created);
        Assert.Equal(1, conversations.Count);
    }

    [Fact]
    public void FindOrCreate_TokenOfAGeneratedConversation_CreatedOnceOnFirstUse()
    {
        var (conversations, _) = Create(new ChatOptions());
        var id = DirectLineConversations.NewConversationId();

        var countBefore = conversations.Count;
        var first = conversations.FindOrCreate(id);
        var second = conversations.FindOrCreate(id);

        Assert.Equal(0, countBefore);
        Assert.Same(first, second);
        Assert.Equal(id, first!.Id);
        Assert.Equal(1, conversations.Count);
    }

    [Fact]
    public void Append_AfterTheConversationWasDropped_NotKeptNorCounted()
    {
        var (conversations, clock) = Create(new ChatOptions { IdleTtl = TimeSpan.FromMinutes(1) });
        var conversation = conversations.TryCreate()!;
        clock.Advance(TimeSpan.FromMinutes(2));
        conversations.Sweep();

        conversation.Append(Message(5000));

        Assert.Equal(0, conversations.QueuedBytes);
    }

    [Fact]
    public void FullWarning_FloodOfRefusals_AtMostOnceAMinute()
    {
        var (conversations, clock) = Create(new ChatOptions());

        var first = Enumerable.Range(0, 100).Count(_ => conversations.TakeFullWarning());
        clock.Advance(TimeSpan.FromSeconds(61));
        var later = Enumerable.Range(0, 100).Count(_ => conversations.TakeFullWarning());

        Assert.Equal(1, first);
        Assert.Equal(1, later);
    }

    private static DirectLineConversation Fill(DirectLineConversation conversation)
    {
        for (var i = 0; i < 20; i++)
        {
            conversation.Append(Message(4000));
        }

        return conversation;
    }

    private static Activity Message(int length) => new() { Type = ActivityTypes.Message, Text = new string('x', length) };

    private static (DirectLineConversations Conversations, ShiftableTimeProvider Clock) Create(ChatOptions options)
    {
        var clock = new ShiftableTimeProvider();
        return (new DirectLineConversations(Options.Create(options), clock), clock);
    }
}
