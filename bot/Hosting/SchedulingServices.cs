using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VpWijzer.Dialogs;
using VpWijzer.Routing;
using VpWijzer.Scheduling;
using VpWijzer.Scheduling.Demo;
using VpWijzer.State;

namespace VpWijzer.Hosting;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>"Demo" (in-memory calendars, the default) or "Graph".</summary>
    [RegularExpression("^(Demo|Graph)$")]
    public string Mode { get; set; } = "Demo";

    /// <summary>The directory file; empty means the sample shipped with the app.</summary>
    public string? DirectoryFile { get; set; }

    /// <summary>Public base URL of the bot (for .ics links), e.g. https://vp-wijzer.example.nl; empty = the URL the bot listens on.</summary>
    public string? PublicBaseUrl { get; set; }
}

public static class SchedulingServices
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
            return new DirectoryService(string.IsNullOrWhiteSpace(options.DirectoryFile) ? DirectoryLoader.DefaultPath : options.DirectoryFile, sp.GetRequiredService<ILogger<DirectoryService>>());
        });
        services.AddSingleton<IVpDirectory>(sp => sp.GetRequiredService<DirectoryService>());

        services.AddOptions<VpWijzer.Scheduling.Graph.GraphOptions>().BindConfiguration(VpWijzer.Scheduling.Graph.GraphOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var graph = sp.GetRequiredService<IOptions<VpWijzer.Scheduling.Graph.GraphOptions>>().Value;
            return new VpWijzer.Scheduling.Graph.GraphCalendarService(
                VpWijzer.Scheduling.Graph.GraphClientBuilder.Create(graph),
                sp.GetRequiredService<DirectoryService>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<VpWijzer.Scheduling.Graph.GraphCalendarService>>(),
                graph.ReadOrgChart);
        });
        services.TryAddSingleton<DemoCalendarService>();

        // Demo mode (default): offline calendars behind the same interfaces the Graph implementation fills.
        static bool UseGraph(IServiceProvider sp) => sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.Mode == "Graph";
        services.TryAddSingleton<ICalendarService>(sp => UseGraph(sp) ? sp.GetRequiredService<VpWijzer.Scheduling.Graph.GraphCalendarService>() : sp.GetRequiredService<DemoCalendarService>());
        services.TryAddSingleton<IRoomDirectory>(sp => UseGraph(sp) ? sp.GetRequiredService<VpWijzer.Scheduling.Graph.GraphCalendarService>() : sp.GetRequiredService<DemoCalendarService>());
        services.TryAddSingleton<IOrgChartReader>(sp => UseGraph(sp) ? sp.GetRequiredService<VpWijzer.Scheduling.Graph.GraphCalendarService>() : sp.GetRequiredService<DemoCalendarService>());

        services.TryAddSingleton<BookingStore>();
        services.TryAddSingleton<CalendarLinks>();
        services.TryAddSingleton<ICalendarLinkFactory, CalendarLinkFactory>();
        services.AddOptions<VpWijzer.Handoff.HandoffOptions>().BindConfiguration(VpWijzer.Handoff.HandoffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<VpConversationStore>();
        services.TryAddSingleton<VpWijzer.Handoff.HandoffService>();
        services.TryAddSingleton<IBookingEvents>(sp => sp.GetRequiredService<VpWijzer.Handoff.HandoffService>());
        services.TryAddSingleton<IVpHome>(sp => sp.GetRequiredService<VpWijzer.Handoff.HandoffService>());
        services.AddSingleton<IRouteModule>(sp => sp.GetRequiredService<VpWijzer.Handoff.HandoffService>());
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<VpWijzer.Handoff.HandoffService>());
        services.AddHostedService<VpWijzer.Handoff.NoResponseWatcher>();
        services.AddSingleton<BookingDialogs>();
        services.AddSingleton<IRouteModule>(sp => sp.GetRequiredService<BookingDialogs>());
        services.Replace(ServiceDescriptor.Singleton<IBookingEntry>(sp => sp.GetRequiredService<BookingDialogs>()));
        services.AddHostedService<DirectoryWarmup>();
        return services;
    }

    /// <summary>Reads the directory at start, so a broken file stops the bot with a clear message.</summary>
    private sealed class DirectoryWarmup(DirectoryService directory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(directory.All.Count);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
