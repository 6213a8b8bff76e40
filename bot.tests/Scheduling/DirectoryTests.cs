using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using VpWijzer.Scheduling;

namespace VpWijzer.Tests.Scheduling;

public sealed class DirectoryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vpw-dir-" + Guid.NewGuid().ToString("N"));
    private readonly string _file;

    public DirectoryTests()
    {
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "directory.json");
        File.Copy(DirectoryLoader.DefaultPath, _file);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_Sample_EightVpsTenRoomsAndGlassNeverEligible()
    {
        var (directory, errors) = DirectoryLoader.Load(DirectoryLoader.DefaultPath);

        Assert.Empty(errors);
        Assert.Equal(8, directory!.Vps.Count);
        Assert.Equal(10, directory.Rooms.Count);
        var eligible = directory.Rooms.Where(directory.Policy.IsEligible).Select(r => r.DisplayName).ToList();
        Assert.DoesNotContain("Aquarium 1", eligible);
        Assert.DoesNotContain("Glazen Box", eligible);
        Assert.DoesNotContain("Ontmoetingsplein", eligible);
        Assert.DoesNotContain("Kamer Esdoorn", eligible);
        Assert.Contains("Kamer Wilg", eligible);
    }

    [Theory]
    [InlineData("glass")]
    [InlineData("glazen-wand")]
    [InlineData("open-view")]
    [InlineData("zichtbaar")]
    public void Policy_ExcludedTag_WinsOverAllowlist(string tag)
    {
        var policy = new RoomPolicy { Allowlist = ["r@x.example"] };

        var eligible = policy.IsEligible(new Room("r@x.example", "R", null, null, 4, true, ["vp-geschikt", tag]));

        Assert.False(eligible);
    }

    [Fact]
    public void Load_BrokenEntries_ClearErrors()
    {
        var json = JsonNode.Parse(File.ReadAllText(_file))!;
        json["vps"]![0]!["gender"] = "unknown";
        json["vps"]![1]!["hours"] = new JsonObject { ["Funday"] = new JsonArray() };
        json["timeZone"] = "Mars/Olympus";
        json["vps"]![2]!["phone"] = "javascript:alert(1)";
        File.WriteAllText(_file, json.ToJsonString());

        var (directory, errors) = DirectoryLoader.Load(_file);

        Assert.Null(directory);
        Assert.Contains(errors, e => e.Contains("gender must be female, male or x", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'Funday' is not a weekday", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Mars/Olympus", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("phone must be a phone number", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_ValidChange_Applied_BrokenChange_KeepsLastGood()
    {
        using var service = new DirectoryService(_file, NullLogger<DirectoryService>.Instance);
        var json = JsonNode.Parse(File.ReadAllText(_file))!;
        json["vps"]!.AsArray().RemoveAt(0);
        File.WriteAllText(_file, json.ToJsonString());

        var applied = service.Reload();
        var afterValid = service.All.Count;
        File.WriteAllText(_file, "{ this is not json");
        var rejected = service.Reload();

        Assert.True(applied);
        Assert.Equal(7, afterValid);
        Assert.False(rejected);
        Assert.Equal(7, service.All.Count);
    }

    [Fact]
    public void Start_BrokenFile_RefusesWithMessage()
    {
        File.WriteAllText(_file, "[1,2");

        var ex = Assert.Throws<DirectoryInvalidException>(() => new DirectoryService(_file, NullLogger<DirectoryService>.Instance));

        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }
}
