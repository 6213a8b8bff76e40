using VpWijzer.State;

namespace VpWijzer.Cards;

/// <summary>A user-facing text in Dutch (B1, first) and English.</summary>
public readonly record struct Localized(string Nl, string En)
{
    public string For(Language language) => language == Language.En ? En : Nl;
}

public static class LanguageExtensions
{
    public static string Pick(this Language language, string nl, string en) => language == Language.En ? en : nl;

    /// <summary>BCP-47 tag for cards and replies.</summary>
    public static string Tag(this Language language) => language == Language.En ? "en" : "nl";

    public static Language Other(this Language language) => language == Language.En ? Language.Nl : Language.En;
}
