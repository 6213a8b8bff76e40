namespace VpWijzer.Tests.Infrastructure;

/// <summary>Finds folders of the repository from the test output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string CardValidator => Path.Combine(Root, "tools", "cardvalidator");

    public static string Snapshots => Path.Combine(Root, "bot.tests", "Cards", "Snapshots");

    public static string DevSet => Path.Combine(Root, "bot.tests", "Evaluation", "dev.tsv");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamsBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TeamsBot.sln not found above the test output folder.");
    }
}
