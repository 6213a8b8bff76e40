namespace VpWijzer.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Placeholder_Builds_True() => Assert.Equal(2, 1 + 1);
}
