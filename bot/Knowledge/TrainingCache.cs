using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace VpWijzer.Knowledge;

/// <summary>
/// Trained models by a fingerprint of everything they were trained on (texts, labels, settings): a second start of the
/// app in the same process (the integration tests start hundreds) reuses the model instead of training it again.
/// Training is deterministic, so a reused model is exactly the one a fresh training would give. Holds no user text:
/// only content and corpus, never a message.
/// </summary>
internal static class TrainingCache
{
    private static readonly ConcurrentDictionary<string, Lazy<object>> Models = new(StringComparer.Ordinal);

    public static T GetOrTrain<T>(string kind, IEnumerable<string> inputs, Func<T> train)
        where T : class
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var input in inputs.Prepend(kind))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(input));
            hash.AppendData("\u0001"u8);
        }

        var key = Convert.ToHexString(hash.GetHashAndReset());
        return (T)Models.GetOrAdd(key, _ => new Lazy<object>(() => train(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Every text of the content in one language that indexes and models are built from.</summary>
    public static IEnumerable<string> Content(KnowledgeBase knowledge, State.Language language) =>
        knowledge.Topics.SelectMany(t =>
        {
            var text = t.Text(language);
            return new[] { t.Id, text.Title, text.Summary }.Concat(text.AllParagraphs).Append("|k").Concat(text.Keywords).Append("|e").Concat(text.Examples).Append("|t");
        });
}
