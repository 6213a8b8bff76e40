namespace VpWijzer.Knowledge;

/// <summary>
/// Organisation-specific contacts that fill the placeholders in the content
/// ({hrAdvice}, {integrityContact}, {companySocialWork}, {complaintsCommittee}, {centralVp}), and {integrityVp}, one
/// sentence chosen by <see cref="VpIsIntegrityVp"/>. Each value is "Dutch|English"; without a "|" the same text is used for both.
/// </summary>
public sealed class ContactOptions
{
    public const string Section = "Organisation:Contacts";

    public string HrAdvice { get; set; } = "je P&O-adviseur|your HR adviser";

    public string IntegrityContact { get; set; } = "de vertrouwenspersoon integriteit of het meldpunt integriteit|the integrity confidential adviser or the integrity reporting point";

    public string CompanySocialWork { get; set; } = "het bedrijfsmaatschappelijk werk|the company social worker";

    public string ComplaintsCommittee { get; set; } = "de klachtencommissie ongewenst gedrag|the complaints committee for unwanted behaviour";

    public string CentralVp { get; set; } = "de centrale vertrouwenspersoon|the central confidential adviser";

    /// <summary>
    /// Fills {stateIdleMinutes}: how long the bot remembers where a conversation is. Not configured here: the host
    /// copies it from <c>State:IdleTtl</c>, so the privacy answer always says what the code does.
    /// </summary>
    public int StateIdleMinutes { get; set; } = 30;

    /// <summary>
    /// Fills {integrityVp}: whether this organisation's VPs are also its integrity confidential advisers. Off by default,
    /// because that differs per organisation (seed 003: "Meestal zijn deze beide rollen belegd bij één vertrouwenspersoon").
    /// </summary>
    public bool VpIsIntegrityVp { get; set; }

    public IReadOnlyDictionary<string, string> For(bool english)
    {
        static string Pick(string value, bool en)
        {
            var bar = value.IndexOf('|', StringComparison.Ordinal);
            return bar < 0 ? value : en ? value[(bar + 1)..] : value[..bar];
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hrAdvice"] = Pick(HrAdvice, english),
            ["integrityContact"] = Pick(IntegrityContact, english),
            ["companySocialWork"] = Pick(CompanySocialWork, english),
            ["complaintsCommittee"] = Pick(ComplaintsCommittee, english),
            ["centralVp"] = Pick(CentralVp, english),
            ["integrityVp"] = VpIsIntegrityVp
                ? (english
                    ? "Here, the confidential adviser (in Dutch: _vertrouwenspersoon_, or VP) is also the integrity confidential adviser."
                    : "Bij ons is de vertrouwenspersoon (VP) ook vertrouwenspersoon integriteit.")
                : (english
                    ? "In many organisations, such as municipalities, the confidential adviser (in Dutch: _vertrouwenspersoon_, or VP) is that person too."
                    : "In veel organisaties, zoals gemeenten, is de vertrouwenspersoon (VP) dat ook."),
            ["stateIdleMinutes"] = StateIdleMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
