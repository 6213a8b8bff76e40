using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using VpWijzer.Telemetry;

namespace VpWijzer.Hosting;

/// <summary>
/// OpenTelemetry for IT (issue 16): our own turn spans and metrics (<see cref="BotTelemetry"/>) to Application
/// Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (the Bicep sets it, with the managed identity in
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>) and to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// No ASP.NET Core or HttpClient instrumentation: those record request paths, and ours carry capability tokens
/// (<c>.ics</c> and figures links, Direct Line conversation ids).
/// </summary>
public static class TelemetryServices
{
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var appInsights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(appInsights) && string.IsNullOrWhiteSpace(otlp))
        {
            return services;
        }

        var clientId = ManagedIdentityClientId(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        void AzureMonitor(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = appInsights;
            if (clientId is not null)
            {
                o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            }
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("vp-wijzer"))
            .WithTracing(t =>
            {
                t.AddSource(BotTelemetry.Name);
                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    t.AddAzureMonitorTraceExporter(AzureMonitor);
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(BotTelemetry.Name);
                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    m.AddAzureMonitorMetricExporter(AzureMonitor);
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>"Authorization=AAD;ClientId=…" → the user-assigned identity's client id.</summary>
    internal static string? ManagedIdentityClientId(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1])
            .FirstOrDefault();
}
