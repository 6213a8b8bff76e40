using System.Text.Json;
using VpWijzer.Tests.Infrastructure;

namespace VpWijzer.Tests.Cards;

public sealed class AdaptiveCardValidatorTests
{
    [Fact]
    public async Task Validate_BrokenCard_ReportsErrors()
    {
        var broken = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"},{"type":"Input.ChoiceSet","choices":[]}]}""").RootElement;

        var results = await AdaptiveCardValidator.ValidateAsync([("broken", broken)]);

        Assert.NotEmpty(results["broken"]);
    }

    [Fact]
    public async Task Validate_MinimalCard_HasNoErrors()
    {
        var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","wrap":true}]}""").RootElement;

        var results = await AdaptiveCardValidator.ValidateAsync([("ok", card)]);

        Assert.Empty(results["ok"]);
    }
}
