namespace VpWijzer.Cards;

/// <summary>Short texts that several cards share.</summary>
public static class CommonText
{
    public static readonly Localized NothingStored = new(
        "Ik bewaar niets van wat je typt, en ik houd niet bij wie iets vraagt. Let op: chat je in Teams, dan bewaart Teams zelf de chat wel.",
        "I don't keep anything you type, and I don't keep track of who asks. Note: if you chat in Teams, Teams itself keeps the chat history.");

    public static readonly Localized HowPrivate = new("Hoe zit het met privacy?", "How private is this?");

    public static readonly Localized SafetyLine = new(
        "In acuut gevaar? Bel [**112**](tel:112). Denk je aan zelfdoding? Bel [**113**](tel:113) of gratis [**0800-0113**](tel:08000113) (dag en nacht).",
        "In acute danger? Call [**112**](tel:112). Thinking about suicide? Call [**113**](tel:113) or free [**0800-0113**](tel:08000113) (day and night).");

    public static readonly Localized WhatIsUnwanted = new("Wat is ongewenst gedrag?", "What is unwanted behaviour?");
    public static readonly Localized WhatDoesVpDo = new("Wat doet een vertrouwenspersoon?", "What does a confidential adviser do?");
    public static readonly Localized SelfCheck = new("Korte check: is dit ongewenst gedrag?", "Quick check: is this unwanted behaviour?");
    public static readonly Localized TalkToVp = new("Praat met een vertrouwenspersoon", "Talk to a confidential adviser");
    public static readonly Localized SwitchLanguage = new("English", "Nederlands");
    public static readonly Localized Menu = new("Menu", "Menu");
    public static readonly Localized Stop = new("Stop", "Stop");
}
