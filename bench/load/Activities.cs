using System.Globalization;
using System.Text.Json.Nodes;

namespace VpWijzer.Load;

/// <summary>Teams-shaped activities (personal chat), as Teams posts them to /api/messages.</summary>
public static class Activities
{
    private static long _sequence;

    public static JsonObject Message(string serviceUrl, string conversation, string? text, JsonObject? value = null)
    {
        var id = "1" + Interlocked.Increment(ref _sequence).ToString("D12", CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["localTimestamp"] = now.ToOffset(TimeSpan.FromHours(1)).ToString("O", CultureInfo.InvariantCulture),
            ["localTimezone"] = "Europe/Amsterdam",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:u-" + conversation, ["name"] = "Bench Gebruiker", ["aadObjectId"] = "00000000-0000-0000-0000-" + Hash12(conversation), ["role"] = "user" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "tenant-bench", ["id"] = "a:" + conversation },
            ["recipient"] = new JsonObject { ["id"] = "28:bot-bench", ["name"] = "VP-wijzer" },
            ["textFormat"] = "plain",
            ["locale"] = "nl-NL",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "nl-NL", ["country"] = "NL", ["platform"] = "Web", ["timezone"] = "Europe/Amsterdam" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-bench" } },
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    private static string Hash12(string s) => ((uint)s.GetHashCode(StringComparison.Ordinal)).ToString("x12", CultureInfo.InvariantCulture);
}

public static class Questions
{
    public static string[] Load(string path) =>
        File.ReadAllLines(path).Where(l => !l.StartsWith('#') && l.Contains('\t')).Select(l => l.Split('\t')[1]).ToArray();
}

public sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length && args[i] != "--"; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(values);
    }

    public string Get(string key, string fallback) => values.GetValueOrDefault(key, fallback);

    public int Whole(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Real(string key, double fallback) => values.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
