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
    [InlineData("")]
    public void IsCrisis_NoAcuteDanger_False(string text)
    {
        var result = CrisisDetector.IsCrisis(text);

        Assert.False(result);
    }
}
