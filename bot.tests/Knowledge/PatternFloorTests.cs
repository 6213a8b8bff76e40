using VpWijzer.Knowledge;

namespace VpWijzer.Tests.Knowledge;

/// <summary>Round 4 of issue 15: the pattern floor in three strengths, and what each does with the model's score.</summary>
public sealed class PatternFloorTests
{
    [Theory]
    [InlineData("i swallowed a bottle of paracetamol after the meeting")]
    [InlineData("ik heb net een hele strip oxazepam geslikt")]
    [InlineData("drank wine and took the rest of my oxycodone")]
    [InlineData("she injected all her insulin at once")]
    [InlineData("vorige week heb ik een overdosis geprobeerd en nu wil ik het weer")]
    [InlineData("coworker fainted and is not responding, what do i do")]
    [InlineData("mijn collega ademt niet meer")]
    public void FloorOf_PillsTakenOrAnEmergencyNow_Acute(string text) =>
        Assert.Equal(PatternFloor.Acute, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("ik heb in 2018 een overdosis genomen, nu gaat het goed")]
    [InlineData("i overdosed once when i was 22, i'm 45 now and a manager")]
    [InlineData("overdosed on coffee again haha")]
    [InlineData("hoeveel paracetamol mag je per dag nemen")]
    [InlineData("my colleague fainted last week, she's fine now")]
    [InlineData("bel een ambulance, mijn leidinggevende zei 'goed gedaan'. ik ben flauwgevallen lol")]
    [InlineData("we had a drill today where someone collapsed, how should we react")]
    [InlineData("de vp reageert niet meer op mijn mail")]
    public void FloorOf_PastJokesAndDrills_NotAcute(string text) =>
        Assert.NotEqual(PatternFloor.Acute, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("hoe herken je signalen van suïcide bij collega's")]
    [InlineData("a colleague died by suicide last year and nobody talks about it")]
    [InlineData("vorig jaar werd ik bedreigd door een klant, nu is het rustig")]
    public void FloorOf_TopicWordsAndPastThreats_Weak(string text) =>
        Assert.Equal(PatternFloor.Weak, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("ik wil iemand gedag zeggen voordat ik er een eind aan maak")]
    [InlineData("i've been working out how to end things")]
    [InlineData("the key is under the mat for whoever finds me")]
    [InlineData("ik heb het touw al gekocht")]
    public void FloorOf_SignsOfDanger_Strong(string text) =>
        Assert.Equal(PatternFloor.Strong, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("we need to end things with this supplier")]
    [InlineData("i won't be around tomorrow, day off")]
    public void FloorOf_LookAlikes_None(string text) =>
        Assert.Equal(PatternFloor.None, CrisisDetector.FloorOf(text));

    [Fact]
    public void Level_WeakFloor_OnlyWhenTheModelBacksIt()
    {
        var settings = new ScreenerSettings();
        const string text = "hoe herken je signalen van suïcide bij collega's";

        Assert.Equal(SafetyLevel.None, CrisisScreener.Level(text, settings.WeakFloorAt / 2, settings));
        Assert.NotEqual(SafetyLevel.None, CrisisScreener.Level(text, settings.WeakFloorAt, settings));
    }

    [Fact]
    public void Level_StrongFloor_PossibleEvenWhenTheModelSaysNo_AcuteFloor_AcuteAlways()
    {
        var settings = new ScreenerSettings();

        Assert.Equal(SafetyLevel.Possible, CrisisScreener.Level("ik heb het touw al gekocht", 0.0, settings));
        Assert.Equal(SafetyLevel.Acute, CrisisScreener.Level("i swallowed a bottle of paracetamol", 0.0, settings));
    }
}
