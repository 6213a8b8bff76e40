using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

// Minimal ASP.NET Core "hello": the least any .NET bot must do per turn (read + parse the activity,
// POST one reply to the connector, answer 200). Source-generated JSON, one shared SocketsHttpHandler.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CeilingJson.Default));
var app = builder.Build();

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 256 });

app.MapPost("/api/messages", async (HttpContext ctx) =>
{
    var activity = await JsonSerializer.DeserializeAsync(ctx.Request.Body, CeilingJson.Default.Act, ctx.RequestAborted).ConfigureAwait(false);
    if (activity?.ServiceUrl is null || activity.Conversation?.Id is null)
    {
        return Results.StatusCode(400);
    }

    if (activity.Type == "message")
    {
        var reply = new Act
        {
            Type = "message",
            Text = "hello",
            ReplyToId = activity.Id,
            Conversation = activity.Conversation,
            From = activity.Recipient,
            Recipient = activity.From,
        };
        var baseUrl = activity.ServiceUrl.EndsWith('/') ? activity.ServiceUrl : activity.ServiceUrl + "/";
        var uri = new Uri($"{baseUrl}v3/conversations/{Uri.EscapeDataString(activity.Conversation.Id)}/activities/{Uri.EscapeDataString(activity.Id ?? "x")}");
        using var response = await http.PostAsJsonAsync(uri, reply, CeilingJson.Default.Act, ctx.RequestAborted).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return Results.StatusCode(502);
        }
    }

    return Results.Ok();
});
app.MapGet("/readyz", () => Results.Ok());
await app.RunAsync().ConfigureAwait(false);

internal sealed class Act
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Text { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ReplyToId { get; set; }

    public Account? From { get; set; }

    public Account? Recipient { get; set; }

    public Account? Conversation { get; set; }
}

internal sealed class Account
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Act))]
internal sealed partial class CeilingJson : JsonSerializerContext;
