namespace VpWijzer.Scheduling;

/// <summary>
/// The Teams join link that Graph returns is put on the employee's card as a button: only an https link on a Teams
/// meeting host is believed, so a calendar that returns something else cannot send people anywhere.
/// </summary>
public static class MeetingLinks
{
    private static readonly string[] TeamsHosts = ["teams.microsoft.com", "teams.microsoft.us", "gov.teams.microsoft.us", "dod.teams.microsoft.us", "teams.cloud.microsoft"];

    /// <summary>The link when it is an https Teams meeting link; otherwise null.</summary>
    public static string? TeamsJoinUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.IsDefaultPort
        && string.IsNullOrEmpty(uri.UserInfo)
        && TeamsHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase)
        && uri.AbsolutePath.StartsWith("/l/meetup-join/", StringComparison.OrdinalIgnoreCase)
            ? uri.AbsoluteUri
            : null;

    /// <summary>What the demo calendar gives a Teams booking: the shape of a real link, leading to no meeting.</summary>
    public static string DemoJoinUrl(string eventId) => "https://teams.microsoft.com/l/meetup-join/" + Uri.EscapeDataString(eventId);
}
