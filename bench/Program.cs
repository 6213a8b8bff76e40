using System.Runtime;
using System.Diagnostics;
using System.Globalization;
using VpWijzer.Knowledge;
using VpWijzer.State;

// Benchmarks print numbers; they are never timed unit tests. Run: dotnet run -c Release --project bench -- recogniser [questions.tsv]
var scenario = args.Length > 0 ? args[0] : "recogniser";
if (scenario == "graph")
{
    return await VpWijzer.Bench.GraphBench.RunAsync().ConfigureAwait(false);
}

if (scenario != "recogniser")
{
    Console.Error.WriteLine("usage: recogniser [questions.tsv] | graph");
    return 2;
}

var questionsFile = args.Length > 1 ? args[1] : Path.Combine(FindRoot(), "bot.tests", "Evaluation", "dev.tsv");
var questions = File.ReadAllLines(questionsFile).Where(l => !l.StartsWith('#') && l.Contains('\t')).Select(l => l.Split('\t')[1]).ToArray();

// Start-up: load + validate content, build both indexes and train both models (what the bot does before it is ready).
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
var startup = Stopwatch.StartNew();
var load = ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions());
var loaded = startup.Elapsed;
using var analysis = new TextAnalysis();
var screener = CrisisScreener.TrainDefault(load.KnowledgeBase);
var classifier = new QuestionClassifier(new Recogniser(load.KnowledgeBase!, analysis, corpus: TrainingCorpus.LoadDefault(load.KnowledgeBase!)), screener);
classifier.Classify("hallo", Language.Nl);
var ready = startup.Elapsed;
var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

// Warm-up, then timed rounds over the question mix (crisis detector + recogniser, exactly as the bot).
for (var i = 0; i < 3; i++)
{
    foreach (var q in questions)
    {
        classifier.Classify(q, Language.Nl);
    }
}

var samples = new List<double>();
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var r) ? r : 50;
for (var round = 0; round < rounds; round++)
{
    foreach (var q in questions)
    {
        var t = Stopwatch.GetTimestamp();
        classifier.Classify(q, Language.Nl);
        samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }
}

var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)samples.Count;
var mean = samples.Average();

// The two parts on their own: the crisis detector (runs first on every message) and the recogniser.
var crisisClock = Stopwatch.StartNew();
for (var round = 0; round < rounds; round++)
{
    foreach (var q in questions)
    {
        CrisisDetector.IsCrisis(q);
    }
}

var crisisMean = crisisClock.Elapsed.TotalMilliseconds / (rounds * questions.Length);

// The crisis screener (patterns + model) on its own, per message: issue 15 asks p99 <= 50 µs.
var screenerSamples = new List<double>();
for (var round = 0; round < rounds; round++)
{
    foreach (var q in questions)
    {
        var t = Stopwatch.GetTimestamp();
        screener.Assess(q);
        screenerSamples.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
    }
}

screenerSamples.Sort();
double S(double p) => screenerSamples[Math.Min(screenerSamples.Count - 1, (int)(p * screenerSamples.Count))];
samples.Sort();
double P(double p) => samples[Math.Min(samples.Count - 1, (int)(p * samples.Count))];
var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC"));
Console.WriteLine(string.Create(c, $"content load + validate: {loaded.TotalMilliseconds:0} ms; ready (indexes + models trained): {ready.TotalMilliseconds:0} ms"));
Console.WriteLine(string.Create(c, $"managed heap held by content, indexes and models: {retained / 1048576.0:0.0} MB"));
Console.WriteLine(string.Create(c, $"classify ({questions.Length} questions x {rounds}): mean {mean * 1000:0.0} µs (crisis detector alone {crisisMean * 1000:0.0} µs), p50 {P(0.50):0.000} ms, p95 {P(0.95):0.000} ms, p99 {P(0.99):0.000} ms, max {samples[^1]:0.000} ms, {allocated / 1024:0.0} KB allocated per question"));
Console.WriteLine(string.Create(c, $"crisis screener alone (patterns + model): p50 {S(0.50):0.0} µs, p99 {S(0.99):0.0} µs, max {screenerSamples[^1]:0.0} µs"));
return 0;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamsBot.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? ".";
}
