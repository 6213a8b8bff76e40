using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VpWijzer.Dialogs;
using VpWijzer.Figures;
using VpWijzer.Routing;
using VpWijzer.State;

namespace VpWijzer.Hosting;

/// <summary>Anonymous figures: the counters, the store, the CVP commands and the chart and CSV links.</summary>
public static class FiguresServices
{
    public static IServiceCollection AddFigures(this IServiceCollection services)
    {
        services.AddOptions<FiguresOptions>().BindConfiguration(FiguresOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IFiguresStore>(sp =>
        {
            var figures = sp.GetRequiredService<IOptions<FiguresOptions>>().Value;
            var store = string.IsNullOrWhiteSpace(figures.Store)
                ? sp.GetRequiredService<IOptions<StateOptions>>().Value.Store == "Redis" ? "Redis" : "File"
                : figures.Store;
            return store switch
            {
                "Redis" => new RedisFiguresStore(sp.GetRequiredService<IConnectionMultiplexer>()),
                "Memory" => new MemoryFiguresStore(),
                _ => new FileFiguresStore(string.IsNullOrWhiteSpace(figures.File)
                    ? Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, "App_Data", "figures.json")
                    : figures.File),
            };
        });
        services.TryAddSingleton<FiguresRecorder>();
        services.AddHostedService<FiguresWriter>();
        services.TryAddSingleton<FiguresReportBuilder>();
        services.TryAddSingleton<FiguresLabels>();
        services.TryAddSingleton<FiguresLinks>();
        services.TryAddSingleton<IFiguresUrls, FiguresUrls>();
        services.AddSingleton<FiguresDialogs>();
        services.AddSingleton<IRouteModule>(sp => sp.GetRequiredService<FiguresDialogs>());
        services.AddOptions<RateLimiterOptions>().Configure(limits => limits.AddPolicy<string, FiguresRateLimit>(FiguresRateLimit.Policy));

        // Bookings are counted where they already are announced: around the existing IBookingEvents.
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IBookingEvents));
        if (inner is not null)
        {
            services.Replace(ServiceDescriptor.Singleton<IBookingEvents>(sp => new CountingBookingEvents(Resolve(sp, inner), sp.GetRequiredService<FiguresRecorder>())));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapFigureFiles(this IEndpointRouteBuilder endpoints)
    {
        var figures = endpoints.MapGroup(string.Empty).RequireRateLimiting(FiguresRateLimit.Policy);
        figures.MapGet(FiguresLinks.ChartPath + "/{token}.png", (string token, FiguresLinks links, FiguresLabels labels, HttpContext http) =>
        {
            if (links.Open(token) is not { } figures)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(FiguresChart.Render(figures.Report, labels, figures.Language), "image/png");
        });
        figures.MapGet(FiguresLinks.CsvPath + "/{token}.csv", (string token, FiguresLinks links, FiguresLabels labels, HttpContext http) =>
        {
            if (links.Open(token) is not { } figures)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-store";
            var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(labels.Csv(figures.Report, figures.Language))).ToArray();
            return Results.File(csv, "text/csv; charset=utf-8", $"vp-wijzer-{figures.Report.Period}.csv");
        });
        return endpoints;
    }

    /// <summary>
    /// <c>/figures/*</c> per client IP (security review L4): a valid chart link could otherwise be rendered hundreds of
    /// times a second, and random tokens tried without end. Refusals get 429 with a short text in both languages.
    /// </summary>
    private sealed class FiguresRateLimit(IOptions<FiguresOptions> options) : IRateLimiterPolicy<string>
    {
        public const string Policy = "figures-per-ip";

        public const string RejectedText = "Je hebt de cijfers vaak achter elkaar opgevraagd. Wacht even en probeer het dan opnieuw.\n"
            + "You asked for the figures many times in a row. Please wait a moment and try again.\n";

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = ServiceCollectionExtensions.RetryAfterSeconds(context.Lease);
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync(RejectedText, ct).ConfigureAwait(false);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var perMinute = options.Value.RequestsPerIpPerMinute;
            return perMinute == 0
                ? RateLimitPartition.GetNoLimiter("all")
                : RateLimitPartition.GetTokenBucketLimiter(
                    httpContext.RequestServices.GetRequiredService<ClientAddresses>().PartitionKey(httpContext),
                    _ => new TokenBucketRateLimiterOptions
                    {
                        // A token every 60/N seconds, up to N at once: a CVP opening a few links never notices.
                        TokenLimit = perMinute,
                        TokensPerPeriod = 1,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
        }
    }

    private static IBookingEvents Resolve(IServiceProvider sp, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IBookingEvents instance } => instance,
        { ImplementationFactory: { } factory } => (IBookingEvents)factory(sp),
        _ => (IBookingEvents)ActivatorUtilities.GetServiceOrCreateInstance(sp, descriptor.ImplementationType!),
    };

    private sealed class CountingBookingEvents(IBookingEvents inner, FiguresRecorder figures) : IBookingEvents
    {
        public Task BookedAsync(TurnContext context, BookingRecord record, string? employeeName)
        {
            figures.Booked(context.Activity.ChannelId, record);
            return inner.BookedAsync(context, record, employeeName);
        }

        public Task CancelledByEmployeeAsync(TurnContext context, BookingRecord record) => inner.CancelledByEmployeeAsync(context, record);

        public Task RescheduledByEmployeeAsync(TurnContext context, BookingRecord record) => inner.RescheduledByEmployeeAsync(context, record);

        public Task ProposalAcceptedAsync(TurnContext context, BookingRecord record) => inner.ProposalAcceptedAsync(context, record);

        public Task EmployeeCardSupersededAsync(TurnContext context, BookingRecord record, string oldWhen) => inner.EmployeeCardSupersededAsync(context, record, oldWhen);
    }

    /// <summary>Chart and CSV URLs from the configured public URL, or the address the bot listens on.</summary>
    private sealed class FiguresUrls(IOptions<SchedulingOptions> options, Microsoft.AspNetCore.Hosting.Server.IServer server) : IFiguresUrls
    {
        public (string Chart, string Csv)? Create(string token)
        {
            var baseUrl = options.Value.PublicBaseUrl
                ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (baseUrl is null)
            {
                return null;
            }

            baseUrl = baseUrl.TrimEnd('/');
            return ($"{baseUrl}{FiguresLinks.ChartPath}/{token}.png", $"{baseUrl}{FiguresLinks.CsvPath}/{token}.csv");
        }
    }
}
