using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VpWijzer.Load;

// Issue 10 load generator. Every mode runs its own stand-in connector (Kestrel on a free loopback port) in this
// process, so "turn latency" is: scheduled send time -> last reply of that turn arrived at the connector, on one clock.
//   qa       --target URL --rate R --seconds S [--questions dev.tsv] [--conversations N] [--warmup S, default 2]
//   booking  --target URL --rate R --seconds S [--warmup S] (demo-mode booking flow, card submits, ends with a cancel)
//   fill     --target URL --count N --rate R            (N distinct conversations, one question each)
//   coldstart --questions dev.tsv -- <command> <args>   (process start -> first reply at the connector)
var mode = args.Length > 0 ? args[0] : "help";
ThreadPool.SetMinThreads(32, 32); // no ramp-up stalls in the generator itself
var opts = Options.Parse(args.Skip(1).ToArray());
await using var connector = await StandInConnector.StartAsync(capture: mode == "booking").ConfigureAwait(false);
var questions = Questions.Load(opts.Get("questions", "bot.tests/Evaluation/dev.tsv"));

switch (mode)
{
    case "qa":
    {
        var conversations = opts.Whole("conversations", 2000);
        using var gen = new Generator(opts.Get("target", "http://127.0.0.1:3978/api/messages"), connector);
        var rate = opts.Whole("rate", 1000);
        Func<int, JsonObject> QaTurns(string prefix) => i =>
            Activities.Message(connector.ServiceUrl, $"{prefix}-{i % conversations}", questions[i % questions.Length]);
        if (opts.Real("warmup", 2) is > 0 and var warmup)
        {
            // This process is new every run: its HttpClient pool, its stand-in connector and its own code start cold.
            // The same load, unmeasured, first; otherwise the generator's start-up shows up as the target's p99.
            await gen.RunFixedRateAsync(rate, warmup, QaTurns("bench-warm")).ConfigureAwait(false);
        }

        var result = await gen.RunFixedRateAsync(rate, opts.Real("seconds", 10), QaTurns("bench-qa")).ConfigureAwait(false);
        result.Print("qa");
        return result.Errors == 0 ? 0 : 1;
    }

    case "fill":
    {
        var count = opts.Whole("count", 10_000);
        using var gen = new Generator(opts.Get("target", "http://127.0.0.1:3978/api/messages"), connector);
        var prefix = opts.Get("prefix", "bench-fill");
        var result = await gen.RunFixedRateAsync(opts.Whole("rate", 1000), count / (double)opts.Whole("rate", 1000), i =>
            Activities.Message(connector.ServiceUrl, $"{prefix}-{i}", questions[i % questions.Length])).ConfigureAwait(false);
        result.Print("fill");
        return result.Errors == 0 ? 0 : 1;
    }

    case "booking":
    {
        using var gen = new Generator(opts.Get("target", "http://127.0.0.1:3978/api/messages"), connector);
        if (opts.Real("warmup", 2) is > 0 and var warmup)
        {
            // Unmeasured people first (see qa); they book and cancel like the measured ones.
            await new BookingLoad(gen, connector, "bench-book-warm-").RunAsync(opts.Whole("rate", 200), warmup).ConfigureAwait(false);
        }

        var result = await new BookingLoad(gen, connector).RunAsync(opts.Whole("rate", 200), opts.Real("seconds", 10)).ConfigureAwait(false);
        result.Print("booking");
        return result.Errors == 0 ? 0 : 1;
    }

    case "coldstart":
    {
        var sep = Array.IndexOf(args, "--");
        if (sep < 0 || sep == args.Length - 1)
        {
            Console.Error.WriteLine("usage: coldstart [--target URL] [--questions file] -- <command> <args>");
            return 2;
        }

        var ms = await ColdStart.RunAsync(args[(sep + 1)..], connector, questions[0], opts.Get("target", "http://127.0.0.1:3978/api/messages")).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coldstart first_reply_ms={ms:F0}"));
        return 0;
    }

    case "connector":
    {
        // Stand-alone connector for wrk runs where nginx is not wanted: prints its URL, counts replies until killed.
        Console.WriteLine(connector.ServiceUrl);
        await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
        return 0;
    }

    default:
        Console.Error.WriteLine("usage: qa|booking|fill|coldstart|connector [--target URL] [--rate R] [--seconds S] [--questions file]");
        return 2;
}
