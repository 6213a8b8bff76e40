using System.Reflection;
using System.Text.RegularExpressions;
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
    [InlineData("wil iemand weten waarom ik het deed, na mijn dood")]
    [InlineData("is it confidential? i want someone to know why after i'm gone")]
    [InlineData("als ik er niet meer ben, wie zorgt dan voor mijn kat")]
    public void FloorOf_ATimeAfterTheirDeath_Strong(string text) =>
        Assert.Equal(PatternFloor.Strong, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("we need to end things with this supplier")]
    [InlineData("i won't be around tomorrow, day off")]
    [InlineData("who covers my shifts when i'm gone on holiday")]
    [InlineData("als ik er niet meer ben vanaf juni, wie neemt mijn dossiers over")]
    public void FloorOf_LookAlikes_None(string text) =>
        Assert.Equal(PatternFloor.None, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("today is my last day as an intern, thanks for everything, goodbye!")]
    [InlineData("vrijdag is mijn laatste werkdag, ik ga met pensioen. bedankt allemaal")]
    [InlineData("ik heb mijn zaken op orde voor mijn zwangerschapsverlof, overdracht is klaar")]
    [InlineData("im dead tired after the night shift")]
    [InlineData("ze schaamt zich dood voor wat er op de borrel gebeurde")]
    public void Level_AnOrdinaryReason_AtMostPossibleWhateverTheScore(string text)
    {
        var settings = new ScreenerSettings();

        Assert.True(CrisisDetector.HasOrdinaryReason(text));
        Assert.Equal(SafetyLevel.Possible, CrisisScreener.Level(text, 0.99, settings));
        Assert.Equal(SafetyLevel.Acute, CrisisScreener.Level(text, 0.99, settings with { OrdinaryReasonCaps = false }));
    }

    [Theory]
    [InlineData("vrijdag na mijn laatste dienst is het klaar, ik heb alles voorbereid")]
    [InlineData("my last day is friday. after that nobody has to deal with me, i'll be gone for good")]
    [InlineData("ik ga met pensioen maar eigenlijk wil ik dood")]
    [InlineData("he was dead serious, he'll be back tomorrow to sort out the manager")]
    [InlineData("ik heb alles geregeld voor mijn verlof, de pillen liggen klaar")]
    public void Level_AnOrdinaryReasonNextToDanger_StillAcute(string text)
    {
        Assert.False(CrisisDetector.HasOrdinaryReason(text));
        Assert.Equal(SafetyLevel.Acute, CrisisScreener.Level(text, 0.99, new ScreenerSettings()));
    }

    [Theory]
    [InlineData("haha ik ga mezelf ophangen als ik nog één keer dat liedje hoor")]
    [InlineData("if i have to sit through one more all-hands i'll kill myself lol")]
    [InlineData("ik zit er doorheen, maar ik denk niet aan mezelf iets aandoen hoor")]
    [InlineData("burnt out and crying a lot, not thinking of hurting myself, just exhausted")]
    public void Level_HyperboleAndDenial_PossibleEvenWithAStrongFloor(string text)
    {
        Assert.NotEqual(PatternFloor.None, CrisisDetector.FloorOf(text));
        Assert.Equal(SafetyLevel.Possible, CrisisScreener.Level(text, 0.99, new ScreenerSettings()));
    }

    [Theory]
    [InlineData("er stond vorige maand een man met een mes aan de balie, het is gelukkig voorbij. moet ik dit nog melden?")]
    [InlineData("a customer pulled a knife on me last year. it's behind me, but i want to know if i can still report it")]
    [InlineData("mijn teamleider sloeg vorige week met zijn vuist op tafel en schreeuwde dat hij me zou slopen. het is nu rustig")]
    [InlineData("in 2022 had ik suïcidale gedachten, met hulp is dat achter de rug. mag mijn nieuwe manager dat weten?")]
    public void Level_OverAndDone_AtMostPossibleWhateverTheScore(string text)
    {
        var settings = new ScreenerSettings();

        Assert.True(CrisisDetector.IsOverAndDone(text));
        Assert.Equal(SafetyLevel.Possible, CrisisScreener.Level(text, 0.99, settings));
        Assert.Equal(SafetyLevel.Acute, CrisisScreener.Level(text, 0.99, settings with { OrdinaryReasonCaps = false }));
    }

    [Theory]
    [InlineData("vorige week dreigde hij me te vermoorden en nu staat hij buiten bij de fietsenstalling")]
    [InlineData("last year i tried to end my life and this week i'm thinking about it again")]
    [InlineData("he hit me last month and he's coming to my desk, what do i do")]
    [InlineData("het gesprek vorige maand was fijn. dit is mijn laatste bericht, zeg tegen mijn team dat het niet hun schuld is")]
    [InlineData("this is my last week alive, nobody knows")]
    [InlineData("ik wil dood, al sinds vorig jaar")]
    [InlineData("het is voorbij. bedankt voor alles")]
    public void Level_APastMarkerWithDangerNow_NotOverAndDone(string text)
    {
        Assert.False(CrisisDetector.IsOverAndDone(text));
        Assert.Equal(SafetyLevel.Acute, CrisisScreener.Level(text, 0.99, new ScreenerSettings()));
    }

    [Theory]
    [InlineData("mijn collega heeft een hartaanval in de kantine, help")]
    [InlineData("ze zijn hem nu aan het reanimeren op de gang")]
    [InlineData("a passenger is having a seizure on my bus right now")]
    [InlineData("we are doing cpr on a client in the waiting room")]
    public void FloorOf_HeartAttackSeizureOrResuscitationNow_Acute(string text) =>
        Assert.Equal(PatternFloor.Acute, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("wat moet je doen bij een hartaanval? we krijgen een bhv-cursus")]
    [InlineData("my dad had a heart attack last year, can i get time off for his check-ups")]
    [InlineData("ik heb vroeger leren reanimeren bij de scouting")]
    public void FloorOf_HeartAttackQuestionsAndThePast_NotAcute(string text) =>
        Assert.NotEqual(PatternFloor.Acute, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("als ik er morgen niet meer ben, mag de vp dan vertellen waarom")]
    [InlineData("if i'm not around tomorrow please tell my team it was not their fault")]
    public void FloorOf_NotThereTomorrow_Strong(string text) =>
        Assert.Equal(PatternFloor.Strong, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("ik heb mijn laatste werkdag gepland. niet omdat ik een nieuwe baan heb")]
    [InlineData("i gave my stuff away, told them i'm moving. i'm not moving")]
    public void FloorOf_TheOrdinaryReasonDenied_Strong(string text) =>
        Assert.Equal(PatternFloor.Strong, CrisisDetector.FloorOf(text));

    // Sure signs (round 6): acute whatever the model says, so a calm message with a means in view gets the crisis card.
    [Theory]
    [InlineData("mijn buurvrouw op kantoor spaart al weken haar slaappillen op, ze zegt dat het bijna genoeg is")]
    [InlineData("been stockpiling painkillers since the reorg, just so you know")]
    [InlineData("ik zit al een uur naar de messen te kijken")]
    [InlineData("the rope is ready in the garage")]
    [InlineData("op de snelweg wil ik het stuur omgooien")]
    [InlineData("my client is standing on the roof of the parking garage and says she will jump")]
    [InlineData("sorry for the mess when they find me")]
    [InlineData("ik weet niet of ik er volgende week nog ben")]
    [InlineData("ik hoor door de muur dat hij haar aan het slaan is")]
    [InlineData("ik heb me verstopt op de wc, hij loopt door de gang te schreeuwen")]
    [InlineData("vanmiddag weer krasjes in mijn arm gemaakt")]
    public void FloorOf_ASureSignNow_AcuteWhateverTheModel(string text)
    {
        Assert.Equal(PatternFloor.Acute, CrisisDetector.FloorOf(text));
        Assert.Equal(SafetyLevel.Acute, CrisisScreener.Level(text, 0.0, new ScreenerSettings()));
    }

    [Theory]
    [InlineData("een klant belt en zegt dat hij zichzelf vanavond iets aandoet")]
    [InlineData("my brother texted that he wants to kill himself")]
    [InlineData("er staat een man bij de balie die mijn collega bedreigt met een bijl")]
    [InlineData("two guys are beating up another guy in the car park")]
    [InlineData("hij wacht buiten op me na mijn dienst en zei dat hij me wat aandoet")]
    [InlineData("sorry for the late hour, i keep thinking about ending it")]
    public void Level_DangerToSomeoneNowOrAThreatNow_AcuteWhenTheModelIsNotSureItIsNot(string text)
    {
        Assert.NotEqual(PatternFloor.None, CrisisDetector.FloorOf(text));
        Assert.Equal(SafetyLevel.Acute, CrisisScreener.Level(text, new ScreenerSettings().StrongAcuteAt, new ScreenerSettings()));
    }

    [Theory]
    [InlineData("welke signalen zijn er dat iemand zichzelf iets wil aandoen? ik ben nieuw als teamleider")]
    [InlineData("should i call 113 if a client says he wants to end his life, or is that too much")]
    [InlineData("last year a client threatened me with a knife. he is banned now and i'm doing ok")]
    public void Level_QuestionsAndWhatIsOver_AtMostPossibleWhateverTheScore(string text) =>
        Assert.NotEqual(SafetyLevel.Acute, CrisisScreener.Level(text, 0.99, new ScreenerSettings()));

    // Their look-alikes: over, a joke, hyperbole, a question for a course, the news; not acute on the patterns.
    [Theory]
    [InlineData("jaren geleden heb ik pillen gespaard, nu gaat het echt goed met me")]
    [InlineData("als ik nog één keer die printer hoor spring ik van het dak")]
    [InlineData("ik zit naar de messen te kijken lol, welke snijdt de taart")]
    [InlineData("wat moet je doen als iemand op een dak staat en wil springen? het is voor de bhv-cursus")]
    [InlineData("stond in de krant: iemand hoorde de buren slaan en belde de politie")]
    public void FloorOf_ASureSignThatIsOverOrNotReal_NotAcute(string text) =>
        Assert.NotEqual(PatternFloor.Acute, CrisisDetector.FloorOf(text));

    [Theory]
    [InlineData("dit bedrijf zuigt het leven uit me")]
    [InlineData("mijn laptop heeft zelfmoord gepleegd, alles weg")]
    [InlineData("ik sta op springen zo druk is het")]
    [InlineData("mijn rug is kapot, ik wil dood. nee grapje")]
    [InlineData("ik heb mijn hele leven al last van stress, nu met deze baas is het te veel")]
    public void Level_IdiomOrJoke_AtMostPossibleWhateverTheScore(string text) =>
        Assert.Equal(SafetyLevel.Possible, CrisisScreener.Level(text, 0.99, new ScreenerSettings()));

    // "Mijn hele leven" is an idiom only as a duration ("mijn hele leven al"): "my whole life is pointless now" is not one.
    [Theory]
    [InlineData("my whole life is pointless now")]
    [InlineData("mijn hele leven is kapot en niemand merkt het")]
    public void WithoutDeathIdioms_ALifeThatIsNotADuration_KeptAsWritten(string text) =>
        Assert.Null(CrisisDetector.WithoutDeathIdioms(text));

    [Theory]
    [InlineData("my cat goes to my sister and i gave my plants away. thanks for everything")]
    [InlineData("mijn hond gaat naar mijn broer, alles is geregeld")]
    public void FloorOf_PetsGivenAwayWithoutAReason_Strong(string text) =>
        Assert.NotEqual(PatternFloor.None, CrisisDetector.FloorOf(text));

    [Fact]
    public void FloorOf_PetsGivenAwayForAnOrdinaryReason_NotAFloorOfItsOwn()
    {
        Assert.Equal(PatternFloor.None, CrisisDetector.FloorOf("mijn kat gaat naar mijn zus als ik op vakantie ben"));
        Assert.Equal(PatternFloor.None, CrisisDetector.FloorOf("mijn moeder bewaart haar medicijnen in de koelkast, mag dat op het werk ook"));
    }

    [Fact]
    public void WithoutDeathIdioms_KillMyselfLaughingAndAccents_TakenOut()
    {
        var plain = CrisisDetector.WithoutDeathIdioms("Gonna kill myself laughing if they rename the department");

        Assert.NotNull(plain);
        Assert.DoesNotContain("kill", plain, StringComparison.Ordinal);
        Assert.Contains("if they rename the department", plain, StringComparison.Ordinal);
        Assert.NotNull(CrisisDetector.WithoutDeathIdioms("ik schaam me dóód"));
    }

    // CrisisDetector.WarmUp builds the patterns it lists; one left out would be built on a user's first message instead.
    [Fact]
    public void WarmUp_ListsEveryPattern()
    {
        var patterns = typeof(CrisisDetector).GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0)
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);
        var listed = ((Func<Regex>[])typeof(CrisisDetector).GetField("Patterns", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!)
            .Select(p => p.Method.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(patterns, listed);
    }

    // Anyone who can reach the chat can send 20 000 characters built from the patterns' own prefixes: the floor still
    // reads it to the end (every pattern is linear or bounded; a backtracking blow-up would stall this test).
    [Fact]
    public void FloorOf_AdversarialLongMessage_ReadToTheEnd()
    {
        var filler = string.Concat(Enumerable.Repeat("ik hoor hem staat met mijn pillen naar de messen te als ik nog een ", 300));
        var text = filler[..19_980] + " ik wil dood";

        Assert.Equal(PatternFloor.Strong, CrisisDetector.FloorOf(text));
        Assert.Equal(PatternFloor.None, CrisisDetector.FloorOf(filler[..20_000].Replace("pillen", "pennen", StringComparison.Ordinal).Replace("messen", "mappen", StringComparison.Ordinal).Replace("hoor", "zie", StringComparison.Ordinal)));
    }

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
