using System.Collections.Frozen;

namespace VpWijzer.Knowledge;

/// <summary>
/// Multinomial logistic regression over sparse features, trained at startup on the content's
/// examples with plain SGD and L2. Deterministic: a fixed shuffle seed gives the same model every
/// start. Learns which words tell topics apart, where BM25 only sees which words they share.
/// </summary>
internal sealed class SoftmaxModel
{
    private readonly FrozenDictionary<string, int> _features;
    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly int _classes;

    private SoftmaxModel(FrozenDictionary<string, int> features, float[] weights, float[] bias, int classes)
    {
        _features = features;
        _weights = weights;
        _bias = bias;
        _classes = classes;
    }

    public sealed record Sample(IReadOnlyDictionary<string, double> Features, int Label, double Weight);

    public static SoftmaxModel Train(IReadOnlyList<Sample> samples, int classes, int epochs = 40, double learningRate = 0.4, double l2 = 1e-5, int seed = 20261123)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var encoded = new List<(int[] Ids, float[] Values, int Label, float Weight)>(samples.Count);
        foreach (var sample in samples)
        {
            var ids = new int[sample.Features.Count];
            var values = new float[sample.Features.Count];
            var i = 0;
            foreach (var (feature, value) in sample.Features)
            {
                if (!index.TryGetValue(feature, out var id))
                {
                    index[feature] = id = index.Count;
                }

                ids[i] = id;
                values[i] = (float)value;
                i++;
            }

            encoded.Add((ids, values, sample.Label, (float)sample.Weight));
        }

        var weights = new float[index.Count * classes];
        var bias = new float[classes];
        var random = new Random(seed);
        var order = Enumerable.Range(0, encoded.Count).ToArray();
        var probabilities = new double[classes];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = learningRate / (1 + (epoch * 0.1));
            foreach (var n in order)
            {
                var (ids, values, label, weight) = encoded[n];
                Forward(ids, values, weights, bias, classes, probabilities);
                for (var c = 0; c < classes; c++)
                {
                    var gradient = (float)(rate * weight * ((c == label ? 1 : 0) - probabilities[c]));
                    bias[c] += gradient;
                    for (var k = 0; k < ids.Length; k++)
                    {
                        var w = (ids[k] * classes) + c;
                        weights[w] += (gradient * values[k]) - (float)(rate * l2 * weights[w]);
                    }
                }
            }
        }

        return new SoftmaxModel(index.ToFrozenDictionary(StringComparer.Ordinal), weights, bias, classes);
    }

    /// <summary>Class probabilities; features the model never saw are ignored.</summary>
    public double[] Predict(IReadOnlyDictionary<string, double> features)
    {
        var ids = new List<int>(features.Count);
        var values = new List<float>(features.Count);
        foreach (var (feature, value) in features)
        {
            if (_features.TryGetValue(feature, out var id))
            {
                ids.Add(id);
                values.Add((float)value);
            }
        }

        var probabilities = new double[_classes];
        Forward(ids.ToArray(), values.ToArray(), _weights, _bias, _classes, probabilities);
        return probabilities;
    }

    public bool Knows(string feature) => _features.ContainsKey(feature);

    /// <summary>Writes and reads the model for <see cref="ModelStore"/>: features in id order, weights, bias.</summary>
    internal static IModelCodec<SoftmaxModel> Codec { get; } = new SoftmaxCodec();

    private sealed class SoftmaxCodec : IModelCodec<SoftmaxModel>
    {
        public void Write(SoftmaxModel model, BinaryWriter writer)
        {
            writer.Write(model._classes);
            var names = new string[model._features.Count];
            foreach (var (feature, id) in model._features)
            {
                names[id] = feature;
            }

            writer.Write(names.Length);
            foreach (var name in names)
            {
                writer.Write(name);
            }

            ModelStore.WriteFloats(writer, model._weights);
            ModelStore.WriteFloats(writer, model._bias);
        }

        public SoftmaxModel Read(BinaryReader reader)
        {
            var classes = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (classes is <= 0 or > 1024 || count < 0 || count > reader.BaseStream.Length)
            {
                throw new InvalidDataException("a model with no classes");
            }

            var features = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var id = 0; id < count; id++)
            {
                features.Add(reader.ReadString(), id);
            }

            var weights = ModelStore.ReadFloats(reader, checked(count * classes));
            var bias = ModelStore.ReadFloats(reader, classes);
            return new SoftmaxModel(features.ToFrozenDictionary(StringComparer.Ordinal), weights, bias, classes);
        }
    }

    private static void Forward(int[] ids, float[] values, float[] weights, float[] bias, int classes, double[] output)
    {
        var max = double.MinValue;
        for (var c = 0; c < classes; c++)
        {
            double z = bias[c];
            for (var k = 0; k < ids.Length; k++)
            {
                z += weights[(ids[k] * classes) + c] * values[k];
            }

            output[c] = z;
            max = Math.Max(max, z);
        }

        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            output[c] = Math.Exp(output[c] - max);
            sum += output[c];
        }

        for (var c = 0; c < classes; c++)
        {
            output[c] /= sum;
        }
    }
}
