using VpWijzer.Tests.Fakes;

namespace VpWijzer.Tests.Infrastructure;

/// <summary>A running bot (development mode, demo defaults) and a stand-in connector, per test class.</summary>
public sealed class BotFixture : IAsyncLifetime
{
    public BotHost Bot { get; private set; } = null!;

    public StandInConnector Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await StandInConnector.StartAsync();
        Bot = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }

    public Conversation NewConversation(string locale = "nl-NL") => new(Bot, Connector, locale: locale);
}
