using VpWijzer.Protocol;
using VpWijzer.Scheduling;

namespace VpWijzer.Figures;

/// <summary>
/// Who may see figures: only in Teams, only in a personal chat, and only people in the directory —
/// a central VP (all figures) or a VP (their own). Checked on the Entra object id of the activity,
/// which the endpoint has validated (in development mode, without a bot id, nothing is validated).
/// </summary>
public static class FiguresAccess
{
    public static FiguresViewer? Resolve(Activity activity, IVpDirectory directory)
    {
        if (!string.Equals(activity.ChannelId, Channels.MsTeams, StringComparison.Ordinal)
            || activity.Conversation?.ConversationType is { } type && !string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase)
            || activity.From?.AadObjectId is not { Length: > 0 } objectId)
        {
            return null;
        }

        if (directory.CentralVpObjectIds.Contains(objectId))
        {
            return new FiguresViewer(Central: true, VpId: null);
        }

        var vp = directory.All.FirstOrDefault(v => string.Equals(v.ObjectId, objectId, StringComparison.OrdinalIgnoreCase));
        return vp is null ? null : new FiguresViewer(Central: false, VpId: vp.Id);
    }
}

/// <summary>Absolute URLs for the chart and CSV of a sealed report (the host knows the public address).</summary>
public interface IFiguresUrls
{
    (string Chart, string Csv)? Create(string token);
}
