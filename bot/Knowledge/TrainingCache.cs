using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace VpWijzer.Knowledge;

/// <summary>How a trained model is written to and read back from a model file.</summary>
internal interface IModelCodec<T>
    where T : class
{
    void Write(T model, BinaryWriter writer);

    T Read(BinaryReader reader);
}

/// <summary>
/// Where trained models live on disk, so a start loads weights instead of training (issue 17: start to /readyz).
/// <c>kb train</c> writes them at build and publish into <see cref="ShippedDirectory"/>; a host may add a writable folder
/// (<c>Knowledge:ModelDirectory</c>) where models trained at start are saved for the next start, for an organisation
/// whose contacts or content differ from the shipped ones. A model file is used only when its header carries the exact
/// fingerprint of the inputs and of the code that trains it; anything else (stale, truncated, foreign) is ignored and the
/// model is trained as before. Model files hold weights and the content's own words, never a message anyone typed.
/// </summary>
public sealed class ModelStore
{
    private readonly string[] _readFrom;

    public ModelStore(IEnumerable<string> readFrom, string? saveTo)
    {
        SaveTo = string.IsNullOrWhiteSpace(saveTo) ? null : saveTo;
        _readFrom = (SaveTo is null ? readFrom : readFrom.Prepend(SaveTo)).Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The models <c>kb train</c> wrote beside the binaries at build or publish.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "Content", "models");

    /// <summary>Reads the shipped models, saves nothing: the default.</summary>
    public static ModelStore Shipped { get; } = new([ShippedDirectory], null);

    /// <summary>Neither reads nor saves: always trains (for measurements that vary the settings).</summary>
    public static ModelStore None { get; } = new([], null);

    /// <summary>Where models trained at start are saved; null: nowhere.</summary>
    public string? SaveTo { get; }

    /// <summary>Per kind of model, how the last one was obtained ("loaded from …", "trained in … ms"): logged at start.</summary>
    public ConcurrentDictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    internal static string FileName(string kind) => kind.Replace(':', '-') + ".model";

    internal bool TryLoad<T>(string kind, string key, IModelCodec<T> codec, out T model)
        where T : class
    {
        foreach (var directory in _readFrom)
        {
            var path = Path.Combine(directory, FileName(kind));
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                using var reader = new BinaryReader(stream, Encoding.UTF8);
                if (reader.ReadString() != Magic || reader.ReadString() != key)
                {
                    continue;
                }

                model = codec.Read(reader);
                if (reader.ReadString() != Magic)
                {
                    continue;
                }

                Sources[kind] = "loaded from " + path;
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException or OverflowException)
            {
                // A damaged file is not a reason not to start: train instead.
            }
        }

        model = null!;
        return false;
    }

    internal void Save<T>(string kind, string key, T model, IModelCodec<T> codec)
        where T : class
    {
        if (SaveTo is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(SaveTo);
            var path = Path.Combine(SaveTo, FileName(kind));
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(key);
                codec.Write(model, writer);
                writer.Write(Magic);
            }

            // Two instances saving at once each write their own file; the rename makes one of them win whole.
            File.Move(temporary, path, overwrite: true);
            Note(kind, "saved to " + path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Note(kind, "not saved (" + e.GetType().Name + ")");
        }
    }

    private void Note(string kind, string what) => Sources.AddOrUpdate(kind, what, (_, before) => before + ", " + what);

    internal const string Magic = "vp-wijzer model v1";

    internal static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    internal static float[] ReadFloats(BinaryReader reader, int expectedLength)
    {
        var length = reader.ReadInt32();
        if (length != expectedLength)
        {
            throw new InvalidDataException($"expected {expectedLength} values, the file says {length}");
        }

        if ((long)length * sizeof(float) > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("the model file ends early");
        }

        var values = new float[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        while (bytes.Length > 0)
        {
            var read = reader.Read(bytes);
            if (read == 0)
            {
                throw new InvalidDataException("the model file ends early");
            }

            bytes = bytes[read..];
        }

        return values;
    }
}

/// <summary>
/// Trained models by a fingerprint of everything they were trained on (texts, labels, settings, and the code that
/// trains them): a second start of the app in the same process (the integration tests start hundreds) reuses the
/// model instead of training it again, and a start with a matching model file (<see cref="ModelStore"/>) loads it.
/// Training is deterministic, so a reused or loaded model is exactly the one a fresh training would give. Holds no user
/// text: only content and corpus, never a message.
/// </summary>
internal static class TrainingCache
{
    private static readonly ConcurrentDictionary<string, Lazy<object>> Models = new(StringComparer.Ordinal);

    /// <summary>The build of this assembly: a model file from other code (other features, other training) never matches.</summary>
    private static readonly string CodeVersion = typeof(TrainingCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static T GetOrTrain<T>(string kind, IEnumerable<string> inputs, Func<T> train, IModelCodec<T>? codec = null, ModelStore? store = null)
        where T : class
    {
        var key = Fingerprint(kind, inputs);
        return (T)Models.GetOrAdd(key, _ => new Lazy<object>(() => LoadOrTrain(kind, key, train, codec, store), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    internal static string Fingerprint(string kind, IEnumerable<string> inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var input in inputs.Prepend(CodeVersion).Prepend(kind))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(input));
            hash.AppendData("\u0001"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static T LoadOrTrain<T>(string kind, string key, Func<T> train, IModelCodec<T>? codec, ModelStore? store)
        where T : class
    {
        if (store is not null && codec is not null && store.TryLoad(kind, key, codec, out var loaded))
        {
            return loaded;
        }

        var watch = Stopwatch.StartNew();
        var model = train();
        if (store is not null)
        {
            store.Sources[kind] = $"trained in {watch.ElapsedMilliseconds} ms";
            if (codec is not null)
            {
                store.Save(kind, key, model, codec);
            }
        }

        return model;
    }

    /// <summary>Every text of the content in one language that indexes and models are built from.</summary>
    public static IEnumerable<string> Content(KnowledgeBase knowledge, State.Language language) =>
        knowledge.Topics.SelectMany(t =>
        {
            var text = t.Text(language);
            return new[] { t.Id, text.Title, text.Summary }.Concat(text.AllParagraphs).Append("|k").Concat(text.Keywords).Append("|e").Concat(text.Examples).Append("|t");
        });
}
