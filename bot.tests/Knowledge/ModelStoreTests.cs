using VpWijzer.Knowledge;

namespace VpWijzer.Tests.Knowledge;

/// <summary>
/// Models trained at build and loaded at start (issue 17, start to /readyz): a loaded model answers exactly as the
/// trained one, and a model file that does not match or is damaged is never used (the bot trains instead of failing).
/// </summary>
public sealed class ModelStoreTests : IDisposable
{
    private static readonly string[] Messages =
    [
        "ik wil er niet meer zijn",
        "mijn collega ligt op de grond en ademt niet",
        "ik ga dood van de stress met die deadline haha",
        "mijn leidinggevende kleineert me waar iedereen bij is",
        "hoe herken ik zelfmoordgedachten bij een collega",
        "i have written my goodbye letters",
    ];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vp-models-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Screener_WrittenAndRead_AssessesEveryMessageExactlyAsTrained()
    {
        var settings = new ScreenerSettings();
        var trained = CrisisScreener.TrainDefault(ContentLoader.Load(ContentLoader.DefaultDirectory, new ContactOptions()).KnowledgeBase, settings);
        var store = new ModelStore([], _dir);

        store.Save("screener", "key-1", trained, CrisisScreener.CodecFor(settings));
        Assert.True(new ModelStore([_dir], null).TryLoad("screener", "key-1", CrisisScreener.CodecFor(settings), out var loaded));

        foreach (var message in Messages)
        {
            Assert.Equal(trained.Assess(message), loaded.Assess(message));
        }

        // The test means something only if the messages are not all alike to the model.
        Assert.Contains(Messages, m => trained.Assess(m).Level == SafetyLevel.Acute);
        Assert.Contains(Messages, m => trained.Assess(m).Level == SafetyLevel.None);
    }

    [Fact]
    public void SoftmaxModel_WrittenAndRead_SameProbabilities()
    {
        var trained = SmallModel();
        var store = new ModelStore([], _dir);

        store.Save("recogniser:Nl", "k", trained, SoftmaxModel.Codec);
        Assert.True(new ModelStore([_dir], null).TryLoad("recogniser:Nl", "k", SoftmaxModel.Codec, out var loaded));

        foreach (var features in new[] { Features("pesten"), Features("privacy", "chat"), Features("onbekend") })
        {
            Assert.Equal(trained.Predict(features), loaded.Predict(features));
        }

        Assert.True(loaded.Knows("pesten"));
        Assert.False(loaded.Knows("onbekend"));
    }

    [Fact]
    public void Load_OtherFingerprint_NotUsed()
    {
        new ModelStore([], _dir).Save("recogniser:Nl", "fingerprint-of-other-content", SmallModel(), SoftmaxModel.Codec);

        Assert.False(new ModelStore([_dir], null).TryLoad("recogniser:Nl", "fingerprint-of-this-content", SoftmaxModel.Codec, out _));
    }

    public static TheoryData<string, Func<byte[], byte[]>> Damage() => new()
    {
        { "truncated", b => b[..(b.Length / 2)] },
        { "one byte", _ => [7] },
        { "empty", _ => [] },
        { "random bytes", b => Enumerable.Range(0, b.Length).Select(i => (byte)((i * 31) + 7)).ToArray() },
        { "tail cut off", b => b[..^3] },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void Load_DamagedFile_NotUsedAndNoException(string what, Func<byte[], byte[]> damage)
    {
        new ModelStore([], _dir).Save("recogniser:Nl", "k", SmallModel(), SoftmaxModel.Codec);
        var path = Path.Combine(_dir, ModelStore.FileName("recogniser:Nl"));
        File.WriteAllBytes(path, damage(File.ReadAllBytes(path)));

        Assert.False(new ModelStore([_dir], null).TryLoad("recogniser:Nl", "k", SoftmaxModel.Codec, out _), what);
    }

    [Fact]
    public void Load_HeaderClaimsHugeModel_RefusedWithoutAllocatingIt()
    {
        // Right magic and key, then a feature count far beyond the file: read as damage, not as gigabytes to allocate.
        Directory.CreateDirectory(_dir);
        using (var writer = new BinaryWriter(File.Create(Path.Combine(_dir, ModelStore.FileName("recogniser:Nl")))))
        {
            writer.Write(ModelStore.Magic);
            writer.Write("k");
            writer.Write(22);
            writer.Write(int.MaxValue);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(new ModelStore([_dir], null).TryLoad("recogniser:Nl", "k", SoftmaxModel.Codec, out _));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyInput()
    {
        var key = TrainingCache.Fingerprint("screener", ["self\tik wil dood", "none\thallo"]);

        Assert.Equal(key, TrainingCache.Fingerprint("screener", ["self\tik wil dood", "none\thallo"]));
        Assert.NotEqual(key, TrainingCache.Fingerprint("screener", ["none\tik wil dood", "none\thallo"]));
        Assert.NotEqual(key, TrainingCache.Fingerprint("screener", ["self\tik wil dood"]));
        Assert.NotEqual(key, TrainingCache.Fingerprint("recogniser:Nl", ["self\tik wil dood", "none\thallo"]));
    }

    [Fact]
    public void Save_FolderNotWritable_SaysSoAndKeepsTheModel()
    {
        File.WriteAllText(_dir, "a file where the folder should be");
        try
        {
            var store = new ModelStore([], _dir);
            store.Sources["recogniser:Nl"] = "trained in 1 ms";

            store.Save("recogniser:Nl", "k", SmallModel(), SoftmaxModel.Codec);

            Assert.Contains("not saved", store.Sources["recogniser:Nl"], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(_dir);
        }
    }

    private static SoftmaxModel SmallModel() => SoftmaxModel.Train(
        [
            new(Features("pesten"), 0, 1),
            new(Features("pesten", "buitensluiten"), 0, 1),
            new(Features("privacy", "chat"), 1, 1),
            new(Features("opslaan", "chat"), 1, 1),
        ],
        classes: 2,
        epochs: 5);

    private static Dictionary<string, double> Features(params string[] words) => words.ToDictionary(w => w, _ => 1.0, StringComparer.Ordinal);
}
