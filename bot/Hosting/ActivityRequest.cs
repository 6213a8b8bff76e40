using System.Buffers;
using System.Text.Json;
using VpWijzer.Protocol;

namespace VpWijzer.Hosting;

/// <summary>Reading a posted activity with a size cap: shared by <c>/api/messages</c> and the Direct Line channel.</summary>
internal static class ActivityRequest
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes (by Content-Length or as read).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(ct).ConfigureAwait(false);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>
    /// The posted activity, or the status to answer instead: 413 when the body is over <paramref name="limit"/>,
    /// 400 when it is not JSON or has no <c>type</c>.
    /// </summary>
    public static async Task<(Activity? Activity, int Status)> ReadActivityAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, limit, ct).ConfigureAwait(false);
        if (body is null)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = ProtocolJson.DeserializeActivity(body);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }

        return activity is null || string.IsNullOrEmpty(activity.Type)
            ? (null, StatusCodes.Status400BadRequest)
            : (activity, StatusCodes.Status200OK);
    }
}
