using System.Text.Json;
using VpWijzer.Protocol;
using VpWijzer.Routing;

namespace VpWijzer.Tests.Routing;

public sealed class RouterTests
{
    private sealed record PickPayload(string Id, int Count);

    private static readonly Verb<PickPayload> Pick = new("test.pick");

    private static TurnContext Context(Activity activity) => new(activity, EmptyServices.Instance, CancellationToken.None);

    private static Activity Message(string? text = null, string? valueJson = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Value = valueJson is null ? null : JsonDocument.Parse(valueJson).RootElement,
        Conversation = new ConversationAccount { Id = "c" },
    };

    [Fact]
    public void OnCommand_Duplicate_ThrowsAtBuild()
    {
        var routes = new RouterBuilder().OnCommand("help", _ => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => routes.OnCommand("  HELP! ", _ => Task.CompletedTask));
    }

    [Fact]
    public void OnVerb_Duplicate_Throws()
    {
        var routes = new RouterBuilder().OnVerb(Pick, (_, _) => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => routes.OnVerb(Pick, (_, _) => Task.CompletedTask));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("  Help!  ")]
    [InlineData("<at>VP-wijzer</at> help")]
    public async Task RouteAsync_CommandVariants_HitCommand(string text)
    {
        var hit = "";
        var router = new RouterBuilder().OnCommand("help", _ => { hit = "command"; return Task.CompletedTask; }).OnText(_ => { hit = "text"; return Task.CompletedTask; }).Build();

        await router.RouteAsync(Context(Message(text)));

        Assert.Equal("command", hit);
    }

    [Fact]
    public async Task RouteAsync_LongerText_GoesToTextHandler()
    {
        var hit = "";
        var router = new RouterBuilder().OnCommand("help", _ => { hit = "command"; return Task.CompletedTask; }).OnText(_ => { hit = "text"; return Task.CompletedTask; }).Build();

        await router.RouteAsync(Context(Message("help me met pesten")));

        Assert.Equal("text", hit);
    }

    [Fact]
    public async Task RouteAsync_SubmitWithTypedPayload_Deserialised()
    {
        PickPayload? received = null;
        var router = new RouterBuilder().OnVerb(Pick, (_, p) => { received = p; return Task.CompletedTask; }).Build();
        var data = CardActions.ToData(Pick, new PickPayload("vp-3", 2));

        await router.RouteAsync(Context(Message(valueJson: data.GetRawText())));

        Assert.Equal(new PickPayload("vp-3", 2), received);
    }

    [Fact]
    public async Task RouteAsync_WrongPayloadType_Rejected()
    {
        RejectedActionReason? reason = null;
        var router = new RouterBuilder()
            .OnVerb(Pick, (_, _) => Task.CompletedTask)
            .OnRejectedAction((_, r) => { reason = r; return Task.CompletedTask; })
            .Build();

        await router.RouteAsync(Context(Message(valueJson: """{"verb":"test.pick","id":{"nested":true},"count":"many"}""")));

        Assert.Equal(RejectedActionReason.InvalidPayload, reason);
    }

    [Fact]
    public async Task RouteAsync_UnknownVerb_Rejected()
    {
        RejectedActionReason? reason = null;
        var router = new RouterBuilder().OnRejectedAction((_, r) => { reason = r; return Task.CompletedTask; }).Build();

        await router.RouteAsync(Context(Message(valueJson: """{"verb":"nope"}""")));

        Assert.Equal(RejectedActionReason.UnknownVerb, reason);
    }

    [Fact]
    public async Task RouteAsync_UniversalActionInvoke_DispatchesVerbWithData()
    {
        PickPayload? received = null;
        var router = new RouterBuilder().OnVerb(Pick, (_, p) => { received = p; return Task.CompletedTask; }).Build();
        var invoke = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = InvokeNames.AdaptiveCardAction,
            Value = JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"test.pick","data":{"id":"x","count":1}},"trigger":"manual"}""").RootElement,
        };

        await router.RouteAsync(Context(invoke));

        Assert.Equal(new PickPayload("x", 1), received);
    }

    [Fact]
    public async Task RouteAsync_UnknownInvoke_501()
    {
        var router = new RouterBuilder().Build();
        var context = Context(new Activity { Type = ActivityTypes.Invoke, Name = "composeExtension/query" });

        await router.RouteAsync(context);

        Assert.Equal(501, context.InvokeResponse?.Status);
    }

    [Fact]
    public void Execute_HasSubmitFallbackWithSameData()
    {
        var action = CardActions.Execute("Go", Pick, new PickPayload("a", 1));

        var fallback = Assert.IsType<VpWijzer.Cards.ActionSubmit>(action.Fallback);
        Assert.Equal(action.Data!.Value.GetRawText(), fallback.Data!.Value.GetRawText());
        Assert.Equal("test.pick", action.Verb);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static EmptyServices Instance { get; } = new();

        public object? GetService(Type serviceType) => null;
    }
}
