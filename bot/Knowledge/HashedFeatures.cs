using System.Runtime.InteropServices;

namespace VpWijzer.Knowledge;

/// <summary>
/// Sparse features of a text without a vocabulary: word unigrams and bigrams plus character 3–5-grams inside each
/// padded word, hashed into a fixed number of buckets. Hashing allocates no strings (the screener runs on every
/// message: issue 15 speed) and needs no dictionary, so the model's memory is one weight array. Character grams carry
/// typos, spelling variants and Dutch compounds ("zelfdoding", "zelfdodingsgedachtes").
/// </summary>
internal static class HashedFeatures
{
    public const int Bits = 18;

    /// <summary>How much of a text the features read (the screener reads a long text's end separately).</summary>
    public const int MaxChars = 4000;

    public const int Buckets = 1 << Bits;

    private const uint WordSeed = 2166136261;
    private const uint BigramSeed = 0x9E3779B9;
    private const uint GramSeed = 0x85EBCA6B;

    /// <summary>Word and n-gram features of a normalised text (duplicate buckets add up); returns the scale that gives them unit length.</summary>
    public static float Extract(ReadOnlySpan<char> normalized, Dictionary<int, float> into, float gramWeight = 0.4f, int maxChars = MaxChars)
    {
        into.Clear();
        if (normalized.Length > maxChars)
        {
            normalized = normalized[..maxChars];
        }

        Span<char> padded = stackalloc char[66];
        var previous = 0u;
        var havePrevious = false;
        var i = 0;
        while (i < normalized.Length)
        {
            while (i < normalized.Length && !char.IsLetterOrDigit(normalized[i]))
            {
                i++;
            }

            var start = i;
            while (i < normalized.Length && char.IsLetterOrDigit(normalized[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var word = normalized[start..i];
            if (word.Length > 64)
            {
                word = word[..64];
            }

            var wordHash = Hash(word, WordSeed);
            Add(into, wordHash, 1f);
            if (havePrevious)
            {
                Add(into, Mix(previous, wordHash) ^ BigramSeed, 1f);
            }

            previous = wordHash;
            havePrevious = true;

            padded[0] = ' ';
            word.CopyTo(padded[1..]);
            padded[word.Length + 1] = ' ';
            var p = padded[..(word.Length + 2)];
            for (var n = 3; n <= 5; n++)
            {
                for (var s = 0; s + n <= p.Length; s++)
                {
                    Add(into, Hash(p.Slice(s, n), GramSeed + (uint)n), gramWeight);
                }
            }
        }

        var norm = 0f;
        foreach (var v in into.Values)
        {
            norm += v * v;
        }

        return norm > 0 ? 1f / MathF.Sqrt(norm) : 0f;
    }

    private static void Add(Dictionary<int, float> into, uint hash, float value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(into, (int)(hash & (Buckets - 1)), out _);
        slot += value;
    }

    private static uint Hash(ReadOnlySpan<char> text, uint seed)
    {
        var h = seed;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
    }

    private static uint Mix(uint a, uint b) => (a * 31) + (b * 0x01000193) + (a >> 15);
}

/// <summary>
/// Multinomial logistic regression over hashed features, trained with SGD and L2 from a fixed seed: the same corpus
/// gives the same model on every start (deterministic, no file to ship). Weights are one float array.
/// </summary>
internal sealed class HashedLinearModel
{
    private readonly float[] _weights;
    private readonly float[] _bias;

    private HashedLinearModel(float[] weights, float[] bias, int classes)
    {
        _weights = weights;
        _bias = bias;
        Classes = classes;
    }

    public int Classes { get; }

    public sealed record Sample(int[] Ids, float[] Values, int Label, float Weight);

    /// <summary>The mean of models of the same shape: for a linear model, the mean of their scores before the softmax.</summary>
    public static HashedLinearModel Average(IReadOnlyList<HashedLinearModel> models)
    {
        if (models.Count == 1)
        {
            return models[0];
        }

        var weights = new float[models[0]._weights.Length];
        var bias = new float[models[0]._bias.Length];
        foreach (var model in models)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] += model._weights[i] / models.Count;
            }

            for (var i = 0; i < bias.Length; i++)
            {
                bias[i] += model._bias[i] / models.Count;
            }
        }

        return new HashedLinearModel(weights, bias, models[0].Classes);
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        ModelStore.WriteFloats(writer, _weights);
        ModelStore.WriteFloats(writer, _bias);
    }

    internal static HashedLinearModel Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        if (classes is <= 0 or > 64)
        {
            throw new InvalidDataException("a model with no classes");
        }

        var weights = ModelStore.ReadFloats(reader, HashedFeatures.Buckets * classes);
        return new HashedLinearModel(weights, ModelStore.ReadFloats(reader, classes), classes);
    }

    public static Sample Encode(Dictionary<int, float> features, float scale, int label, float weight = 1f)
    {
        var ids = new int[features.Count];
        var values = new float[features.Count];
        var i = 0;
        foreach (var (id, value) in features)
        {
            ids[i] = id;
            values[i] = value * scale;
            i++;
        }

        return new Sample(ids, values, label, weight);
    }

    public static HashedLinearModel Train(IReadOnlyList<Sample> samples, int classes, int epochs, float learningRate, float l2, int seed)
    {
        var weights = new float[HashedFeatures.Buckets * classes];
        var bias = new float[classes];
        var order = Enumerable.Range(0, samples.Count).ToArray();
        var random = new Random(seed);
        Span<float> p = stackalloc float[classes];
        var step = 0L;
        var total = (long)epochs * samples.Count;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var n in order)
            {
                var sample = samples[n];
                Forward(weights, bias, classes, sample.Ids, sample.Values, p);
                var rate = learningRate * (1f - (0.9f * step++ / total));
                for (var c = 0; c < classes; c++)
                {
                    var g = rate * sample.Weight * ((c == sample.Label ? 1f : 0f) - p[c]);
                    bias[c] += g;
                    for (var k = 0; k < sample.Ids.Length; k++)
                    {
                        ref var w = ref weights[(sample.Ids[k] * classes) + c];
                        w += (g * sample.Values[k]) - (rate * l2 * w);
                    }
                }
            }
        }

        return new HashedLinearModel(weights, bias, classes);
    }

    public void Predict(Dictionary<int, float> features, float scale, Span<float> probabilities)
    {
        probabilities.Clear();
        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = _bias[c];
        }

        foreach (var (id, value) in features)
        {
            var row = id * Classes;
            for (var c = 0; c < Classes; c++)
            {
                probabilities[c] += _weights[row + c] * value * scale;
            }
        }

        Softmax(probabilities);
    }

    private static void Forward(float[] weights, float[] bias, int classes, int[] ids, float[] values, Span<float> p)
    {
        for (var c = 0; c < classes; c++)
        {
            p[c] = bias[c];
        }

        for (var k = 0; k < ids.Length; k++)
        {
            var row = ids[k] * classes;
            for (var c = 0; c < classes; c++)
            {
                p[c] += weights[row + c] * values[k];
            }
        }

        Softmax(p);
    }

    private static void Softmax(Span<float> p)
    {
        var max = float.MinValue;
        foreach (var v in p)
        {
            max = MathF.Max(max, v);
        }

        var sum = 0f;
        for (var c = 0; c < p.Length; c++)
        {
            p[c] = MathF.Exp(p[c] - max);
            sum += p[c];
        }

        for (var c = 0; c < p.Length; c++)
        {
            p[c] /= sum;
        }
    }
}
