using VpWijzer.Scheduling;

namespace VpWijzer.Tests.Scheduling;

/// <summary>The join link goes on a button the employee taps: only an https Teams meeting link is believed.</summary>
public sealed class MeetingLinksTests
{
    [Theory]
    [InlineData("https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d")]
    [InlineData("https://teams.microsoft.us/l/meetup-join/x")]
    public void TeamsLinks_Kept(string url) => Assert.Equal(new Uri(url).AbsoluteUri, MeetingLinks.TeamsJoinUrl(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://teams.microsoft.com/l/meetup-join/x")]
    [InlineData("https://teams.microsoft.com.evil.example/l/meetup-join/x")]
    [InlineData("https://evil.example/l/meetup-join/x")]
    [InlineData("https://user:pw@teams.microsoft.com/l/meetup-join/x")]
    [InlineData("https://teams.microsoft.com:8443/l/meetup-join/x")]
    [InlineData("https://teams.microsoft.com/l/chat/0/0?users=someone")]
    [InlineData("javascript:alert(1)")]
    [InlineData("tel:+31300000101")]
    public void EverythingElse_Dropped(string? url) => Assert.Null(MeetingLinks.TeamsJoinUrl(url));

    [Fact]
    public void PhoneLink_DigitsAndPlusOnly()
    {
        var vp = new VpProfile("v", "V", "o", "u", "d", "x", ["nl"], false, [], "", "", null, new Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>>(), 1, "+31 (0)30 000-0101");
        Assert.Equal("tel:+31300000101", vp.PhoneLink);
    }
}
