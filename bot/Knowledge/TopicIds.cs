namespace VpWijzer.Knowledge;

/// <summary>The stable topic ids of PRODUCT.md; content must provide exactly these.</summary>
public static class TopicIds
{
    public const string UnwantedBehaviour = "unwanted-behaviour";
    public const string Bullying = "bullying";
    public const string SexualHarassment = "sexual-harassment";
    public const string Discrimination = "discrimination";
    public const string Aggression = "aggression";
    public const string VpRole = "vp-role";
    public const string VpLimits = "vp-limits";
    public const string Confidentiality = "confidentiality";
    public const string ReportComplaint = "report-complaint";
    public const string ChooseVp = "choose-vp";
    public const string Book = "book";
    public const string MeetingPractical = "meeting-practical";
    public const string LabourDispute = "labour-dispute";
    public const string Integrity = "integrity";
    public const string PrivateProblems = "private-problems";
    public const string Accused = "accused";
    public const string ComplaintAboutVp = "complaint-about-vp";
    public const string Crisis = "crisis";
    public const string PrivacyBot = "privacy-bot";
    public const string Bystander = "bystander";
    public const string Manager = "manager";
    public const string Help = "help";
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } =
    [
        UnwantedBehaviour, Bullying, SexualHarassment, Discrimination, Aggression, VpRole, VpLimits,
        Confidentiality, ReportComplaint, ChooseVp, Book, MeetingPractical, LabourDispute, Integrity,
        PrivateProblems, Accused, ComplaintAboutVp, Crisis, PrivacyBot, Bystander, Manager, Help, None,
    ];
}
