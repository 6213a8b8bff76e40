using VpWijzer.Knowledge;

namespace VpWijzer.Tests.Knowledge;

public sealed class CrisisDetectorTests
{
    [Theory]
    [InlineData("Ik wil niet meer leven")]
    [InlineData("ik denk erover om er een eind aan te maken")]
    [InlineData("Ik zie het echt niet meer zitten")]
    [InlineData("soms wil ik er gewoon niet meer zijn")]
    [InlineData("Ik denk aan zelfmoord")]
    [InlineData("ik wil mezelf iets aandoen")]
    [InlineData("Hij staat nu voor mijn deur en bedreigt me")]
    [InlineData("mijn collega heeft een mes")]
    [InlineData("I want to kill myself")]
    [InlineData("I don't want to live anymore")]
    [InlineData("he is outside my house right now and threatening me")]
    [InlineData("I have been hurting myself")]
    [InlineData("IK WIL DOOD")]
    [InlineData("ik ben net verkracht")]
    [InlineData("a colleague just assaulted me in the car park")]
    [InlineData("ik zie echt geen uitweg meer")]
    [InlineData("I feel like there is no way out")]
    [InlineData("het hoeft voor mij allemaal niet meer")]
    [InlineData("mijn gezin is beter af zonder mij")]
    [InlineData("hij zegt dat hij me vanavond wat aan gaat doen")]
    [InlineData("I don't see the point of going on")]
    [InlineData("someone is hitting me")]
    [InlineData("ik wil voor altijd verdwijnen")]
    [InlineData("ik heb al mijn spullen weggegeven")]
    [InlineData("ik heb weer in m'n pols gesneden")]
    [InlineData("he threatened to stab me and he is still in the building")]
    [InlineData("die man aan de balie zegt dat hij ons allemaal gaat vermoorden")]
    [InlineData("het maakt voor mij niet meer uit wat er gebeurt")]
    [InlineData("There is NO WAY OUT")]
    [InlineData("ik stuur jullie dit bericht om afscheid te nemen")]
    [InlineData("ik neem hierbij afscheid, het ga jullie goed")]
    [InlineData("i just swallowed all of my sleeping pills")]
    [InlineData("took way too many painkillers an hour ago and i feel dizzy")]
    public void IsCrisis_SignsOfDanger_True(string text)
    {
        var result = CrisisDetector.IsCrisis(text);

        Assert.True(result);
    }

    [Theory]
    [InlineData("Ik word bedreigd door een burger aan de balie")]
    [InlineData("Mijn manager dreigt met ontslag als ik niet overwerk")]
    [InlineData("Ik word nu al weken bedreigd door een collega")]
    [InlineData("Mijn collega's sluiten me steeds buiten")]
    [InlineData("Ik ben doodmoe van al dat overwerk")]
    [InlineData("Wat doet een vertrouwenspersoon?")]
    [InlineData("A colleague pushed me during an argument")]
    [InlineData("My manager threatened to fire me last month")]
    [InlineData("there is no way out of this conflict with my manager")]
    [InlineData("my manager just threatened to fire me")]
    [InlineData("A visitor threatened to hit me last month and I still think about it")]
    [InlineData("het maakt niet meer uit of ik om 9 of om 10 begin")]
    [InlineData("ik heb mijn medicijnen vanochtend gewoon genomen")]
    [InlineData("i forgot to take my meds this morning, can i still go to the vp")]
    [InlineData("we nemen vrijdag afscheid van onze teamleider, hij gaat met pensioen")]
    [InlineData("")]
    public void IsCrisis_NoAcuteDanger_False(string text)
    {
        var result = CrisisDetector.IsCrisis(text);

        Assert.False(result);
    }

    [Theory]
    [InlineData("ik wil niet meer naar mijn werk")]
    [InlineData("ik heb geen zin meer in mijn werk")]
    [InlineData("I can't take it anymore at work")]
    public void Classify_DistressWithoutDangerWords_NotAcute_NeverCrisisAsATopic(string text)
    {
        // Issue 15 contract: topic is crisis exactly when safety is acute; distress without a danger word is at most
        // "possible" (the routes and the direct question first), and crisis is never offered as a clarify option.
        var classifier = VpWijzer.Tests.Infrastructure.TestKnowledge.Classifier;

        var result = classifier.Classify(text, VpWijzer.State.Language.Nl);

        Assert.NotEqual(TopicIds.Crisis, result.Topic);
        Assert.NotEqual(VpWijzer.Knowledge.SafetyLevel.Acute, result.Safety!.Level);
        Assert.DoesNotContain(TopicIds.Crisis, result.Alternatives);
    }

    [Theory]
    [InlineData("ik heb pillen gespaard")]
    [InlineData("niemand zou het merken als ik dood was")]
    [InlineData("nobody would care if I died")]
    public void Classify_IndirectSignalWithDangerWords_AtLeastTheEmergencyRoutes(string text)
    {
        // Issue 15: every crisis message acute or possible. "nobody would care if I died" scores 0.48 with the
        // corpus of 2026-12 (acute from 0.6): possible, so the lines and the direct question come first.
        var classifier = VpWijzer.Tests.Infrastructure.TestKnowledge.Classifier;

        var result = classifier.Classify(text, VpWijzer.State.Language.Nl);

        Assert.NotEqual(VpWijzer.Knowledge.SafetyLevel.None, result.Safety!.Level);
        Assert.Equal(result.Safety.Level == VpWijzer.Knowledge.SafetyLevel.Acute, result.Topic == TopicIds.Crisis);
    }

    [Theory]
    [InlineData("he is outside my house right now and threatening me")]
    [InlineData("het maakt voor mij niet meer uit wat er gebeurt")]
    public void Classify_ByDefault_RunsTheDetectorItself(string text)
    {
        // The crisis middleware runs the screener and hands its answer to the classifier; every other
        // caller (kb ask, tests, a future channel) gets the detector by default.
        var classifier = VpWijzer.Tests.Infrastructure.TestKnowledge.Classifier;

        var result = classifier.Classify(text, VpWijzer.State.Language.Nl);

        Assert.Equal(TopicIds.Crisis, result.Topic);
        Assert.Equal(1.0, result.Confidence);
    }
}
