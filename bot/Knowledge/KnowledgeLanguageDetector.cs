using VpWijzer.Dialogs;
using VpWijzer.State;

namespace VpWijzer.Knowledge;

/// <summary>Detects Dutch or English the same way the recogniser does.</summary>
public sealed class KnowledgeLanguageDetector(Recogniser recogniser) : ILanguageDetector
{
    public Language? Detect(string text) => recogniser.DetectLanguage(text);
}
