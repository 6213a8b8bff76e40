using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VpWijzer.Tests.Infrastructure;

/// <summary>
/// Runs cards through the official Adaptive Cards object model (npm "adaptivecards", target 1.5)
/// in node: parse with a 1.5 SerializationContext, then validateProperties().
/// </summary>
public static class AdaptiveCardValidator
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ValidateAsync(IEnumerable<(string Name, JsonElement Card)> cards)
    {
        var input = new JsonArray();
        foreach (var (name, card) in cards)
        {
            input.Add(new JsonObject { ["name"] = name, ["card"] = JsonNode.Parse(card.GetRawText()) });
        }

        var file = Path.Combine(Path.GetTempPath(), $"cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(RepoPaths.CardValidator, "validate.js"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoPaths.CardValidator,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The card validator failed ({process.ExitCode}): {await stderr}");
            }

            var results = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var json = JsonNode.Parse(line)!;
                results[json["name"]!.GetValue<string>()] = json["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
            }

            return results;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
