using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VpWijzer.Scheduling;
using VpWijzer.State;

namespace VpWijzer.Hosting;

/// <summary>
/// "Add to my calendar": a short-lived, signed, unguessable link to an .ics file for an anonymous
/// reservation (a named invite already lands in the employee's calendar). The file holds only
/// the neutral subject, the time and the place — nothing about what the meeting is for.
/// </summary>
public sealed class CalendarLinks(IOptions<StateOptions> state, TimeProvider time)
{
    public const string Path = "/calendar";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);
    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("ics|" + state.Value.KeySalt));

    public string Token(string bookingId)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{bookingId}.{expires}.{Sign(bookingId, expires)}";
    }

    /// <summary>The booking id when the token is genuine and not expired; otherwise null.</summary>
    public string? Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var expected = Sign(parts[0], parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(expires) > time.GetUtcNow() ? parts[0] : null;
    }

    private string Sign(string bookingId, string expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(bookingId + "|" + expires)));
}

public static class CalendarFileEndpoint
{
    public static IEndpointRouteBuilder MapCalendarFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CalendarLinks.Path + "/{token}.ics", async (string token, CalendarLinks links, BookingStore bookings, IVpDirectory directory, IRoomDirectory rooms, DirectoryService dir, CancellationToken ct) =>
        {
            var bookingId = links.Verify(token);
            var record = bookingId is null ? null : await bookings.GetAsync(bookingId, ct).ConfigureAwait(false);
            if (record is null || record.Status == "cancelled")
            {
                return Results.NotFound();
            }

            var room = record.RoomId is null ? null : (await rooms.GetEligibleRoomsAsync(ct).ConfigureAwait(false)).FirstOrDefault(r => r.Id == record.RoomId);
            var subject = dir.Current.Subjects.TryGetValue(record.Language == Language.En ? "en" : "nl", out var s) ? s : "Afspraak";
            return Results.File(Encoding.UTF8.GetBytes(Ics(record, subject, room, directory.Find(record.VpId))), "text/calendar; charset=utf-8", "afspraak.ics");
        });
        return endpoints;
    }

    private static string Ics(BookingRecord record, string subject, Room? room, VpProfile? vp)
    {
        static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        static string Escape(string v) => v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//VP-wijzer//NL", "METHOD:PUBLISH", "BEGIN:VEVENT",
            $"UID:{record.BookingId}@vp-wijzer", $"DTSTAMP:{Stamp(record.CreatedAt == default ? record.Start : record.CreatedAt)}",
            $"DTSTART:{Stamp(record.Start)}", $"DTEND:{Stamp(record.End)}", $"SUMMARY:{Escape(subject)}", "CLASS:PRIVATE", "TRANSP:OPAQUE",
        };
        if (room is not null)
        {
            lines.Add($"LOCATION:{Escape(string.Join(", ", new[] { room.DisplayName, room.Building, room.Floor }.Where(x => !string.IsNullOrWhiteSpace(x))))}");
        }
        else if (record.Mode == nameof(MeetingMode.TeamsCall) && record.JoinUrl is not null)
        {
            // The same link as on the card: a join link is what makes an anonymous Teams booking possible at all.
            lines.Add("LOCATION:Microsoft Teams");
            lines.Add($"URL:{record.JoinUrl}");
            lines.Add($"DESCRIPTION:{Escape(record.JoinUrl)}");
        }
        else if (record.Mode == nameof(MeetingMode.Phone) && vp?.Phone is { } phone)
        {
            lines.Add($"LOCATION:{Escape((record.Language == Language.En ? "Call " : "Bel ") + phone)}");
        }

        lines.AddRange(["END:VEVENT", "END:VCALENDAR"]);
        return string.Join("\r\n", lines) + "\r\n";
    }
}

/// <summary>Absolute .ics links from the configured public URL, or the address the bot listens on.</summary>
public sealed class CalendarLinkFactory(CalendarLinks links, IOptions<SchedulingOptions> options, Microsoft.AspNetCore.Hosting.Server.IServer server) : Dialogs.ICalendarLinkFactory
{
    public string? UrlFor(string bookingId)
    {
        var baseUrl = options.Value.PublicBaseUrl
            ?? server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return baseUrl is null ? null : $"{baseUrl.TrimEnd('/')}{CalendarLinks.Path}/{links.Token(bookingId)}.ics";
    }
}
