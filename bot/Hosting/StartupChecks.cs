using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VpWijzer.Auth;
using VpWijzer.Connector;
using VpWijzer.Scheduling;
using VpWijzer.Scheduling.Graph;
using VpWijzer.State;

namespace VpWijzer.Hosting;

/// <summary>The process exit codes of a start that fails; README lists them.</summary>
public static class StartupExitCodes
{
    public const int Unexpected = 1;
    public const int Configuration = 2;
    public const int Content = 3;
    public const int Directory = 4;
    public const int Secret = 5;
}

/// <summary>A start-up configuration error: the key, what is wrong and what to do, and the exit code it ends with.</summary>
public sealed class StartupConfigurationException(string key, string problem, int exitCode)
    : Exception($"{key}: {problem}")
{
    public string Key { get; } = key;

    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// Everything a start can trip over, checked before Kestrel starts: options, secrets and certificates, the directory
/// and the content. A failure is one line per problem naming the key (issue 21), never a stack trace: the person
/// reading it is an admin with a configuration to fix, not a developer with a debugger.
/// </summary>
public static partial class StartupChecks
{
    /// <summary>The public default salt in appsettings and <see cref="StateOptions"/>; fine on a laptop, never in a tenant.</summary>
    public const string DefaultKeySalt = "vp-wijzer-dev-salt";

    public const int MinimumKeySaltBytes = 32;

    public static void Run(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();

        var auth = services.GetRequiredService<IOptions<BotAuthOptions>>().Value;
        var state = services.GetRequiredService<IOptions<StateOptions>>().Value;
        if (!auth.IsDevelopmentMode)
        {
            CheckBotCredentials(services.GetRequiredService<IOptions<ConnectorAuthOptions>>().Value);
            CheckKeySalt(state.KeySalt);
        }

        // Checked in both modes: in development mode the policy allows only loopback.
        var handoffServiceUrl = services.GetRequiredService<IOptions<Handoff.HandoffOptions>>().Value.ServiceUrl;
        if (!string.IsNullOrWhiteSpace(handoffServiceUrl) && !services.GetRequiredService<ServiceUrlPolicy>().IsAllowed(handoffServiceUrl))
        {
            throw new StartupConfigurationException("Handoff:ServiceUrl", "is not an https URL on a host in Connector:AllowedServiceUrlHosts (default: smba.trafficmanager.net, *.smba.trafficmanager.net, *.botframework.com); the bot never sends its token anywhere else. Fix Handoff__ServiceUrl or add its host to Connector__AllowedServiceUrlHosts__0.", StartupExitCodes.Configuration);
        }

        if (state.Store == "Redis" && string.IsNullOrWhiteSpace(state.RedisConnection))
        {
            throw new StartupConfigurationException("State:RedisConnection", "State:Store is Redis but no connection string is set. Set State__RedisConnection (host:port,password=...) or use State:Store=Memory.", StartupExitCodes.Configuration);
        }

        if (services.GetRequiredService<IOptions<SchedulingOptions>>().Value.Mode == "Graph")
        {
            CheckGraph(services.GetRequiredService<IOptions<GraphOptions>>().Value);
        }

        // Both throw their own exceptions with file and line; resolving them here makes that happen before Kestrel listens.
        services.GetRequiredService<DirectoryService>();
        services.GetRequiredService<Knowledge.KnowledgeBase>();
    }

    internal static void CheckKeySalt(string? salt)
    {
        if (string.IsNullOrEmpty(salt) || salt == DefaultKeySalt || Encoding.UTF8.GetByteCount(salt) < MinimumKeySaltBytes)
        {
            throw new StartupConfigurationException("State:KeySalt", $"is the public default or shorter than {MinimumKeySaltBytes} bytes; anyone could forge figures and calendar links. Set State__KeySalt to a random secret of at least {MinimumKeySaltBytes} bytes (e.g. `openssl rand -base64 48`) from Key Vault or the environment.", StartupExitCodes.Secret);
        }
    }

    private static void CheckBotCredentials(ConnectorAuthOptions o)
    {
        if (o.MicrosoftAppType == BotAppTypes.UserAssignedMsi)
        {
            return;
        }

        if (!string.IsNullOrEmpty(o.CertificatePath))
        {
            CheckCertificate("Bot:CertificatePath", o.CertificatePath);
        }
        else if (string.IsNullOrEmpty(o.MicrosoftAppPassword))
        {
            throw new StartupConfigurationException("Bot:MicrosoftAppPassword", "Bot:MicrosoftAppId is set but there is no client secret or certificate to sign in with. Set Bot__MicrosoftAppPassword (from Key Vault or the environment), or Bot__CertificatePath, or use Bot:MicrosoftAppType=UserAssignedMSI.", StartupExitCodes.Secret);
        }
    }

    private static void CheckGraph(GraphOptions o)
    {
        if (o.Anonymous)
        {
            return;
        }

        if (!Guid.TryParse(o.ClientId, out _))
        {
            throw new StartupConfigurationException("Scheduling:Graph:ClientId", "Scheduling:Mode is Graph, so the app registration's client id (a GUID) is needed. Set Scheduling__Graph__ClientId, or use Scheduling:Mode=Demo.", StartupExitCodes.Configuration);
        }

        if (!o.UseManagedIdentity && !Guid.TryParse(o.TenantId, out _))
        {
            throw new StartupConfigurationException("Scheduling:Graph:TenantId", "Scheduling:Mode is Graph, so the tenant id (a GUID) is needed. Set Scheduling__Graph__TenantId.", StartupExitCodes.Configuration);
        }

        if (o.UseManagedIdentity)
        {
            return;
        }

        if (!string.IsNullOrEmpty(o.CertificatePath))
        {
            CheckCertificate("Scheduling:Graph:CertificatePath", o.CertificatePath);
        }
        else if (string.IsNullOrEmpty(o.ClientSecret))
        {
            throw new StartupConfigurationException("Scheduling:Graph:ClientSecret", "Scheduling:Mode is Graph but there is no client secret, certificate or managed identity for Graph. Set Scheduling__Graph__ClientSecret (from Key Vault or the environment), Scheduling__Graph__CertificatePath, or Scheduling__Graph__UseManagedIdentity=true.", StartupExitCodes.Secret);
        }
    }

    private static void CheckCertificate(string key, string path)
    {
        if (!File.Exists(path))
        {
            throw new StartupConfigurationException(key, $"no certificate file at {path}. Point {key.Replace(":", "__", StringComparison.Ordinal)} at a PFX file with its private key.", StartupExitCodes.Secret);
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, null);
            if (!certificate.HasPrivateKey)
            {
                throw new StartupConfigurationException(key, $"the certificate in {path} has no private key. Export it as PFX with its private key.", StartupExitCodes.Secret);
            }
        }
        catch (CryptographicException)
        {
            throw new StartupConfigurationException(key, $"{path} is not a readable PFX certificate (or needs a password). Export it as PFX with its private key and no password; keep the file itself secret.", StartupExitCodes.Secret);
        }
    }

    /// <summary>Turns what a failed start threw into lines for standard error and an exit code; false for a real bug.</summary>
    public static bool TryDescribe(Exception exception, out IReadOnlyList<string> lines, out int exitCode)
    {
        switch (exception)
        {
            case StartupConfigurationException config:
                lines = [config.Message];
                exitCode = config.ExitCode;
                return true;
            case OptionsValidationException options:
                lines = Describe(options).ToList();
                exitCode = StartupExitCodes.Configuration;
                return true;
            case AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException):
                lines = aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(Describe).ToList();
                exitCode = StartupExitCodes.Configuration;
                return true;
            case ContentInvalidException content:
                lines = ["Knowledge:ContentDirectory: the content files have errors (fix them, or run `kb check` for the same list):", .. content.Errors.Select(e => "  " + e)];
                exitCode = StartupExitCodes.Content;
                return true;
            case DirectoryInvalidException directory:
                lines = ["Scheduling:DirectoryFile: the VP directory file has errors (fix them, or point Scheduling__DirectoryFile at a valid file):", .. directory.Errors.Select(e => "  " + e)];
                exitCode = StartupExitCodes.Directory;
                return true;
            case FormatException or InvalidOperationException when exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase):
                // The configuration binder's own words name the key and the value it could not convert.
                lines = [OneLine(exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message)];
                exitCode = StartupExitCodes.Configuration;
                return true;
            default:
                lines = [];
                exitCode = StartupExitCodes.Unexpected;
                return false;
        }
    }

    private static IEnumerable<string> Describe(OptionsValidationException exception)
    {
        var section = exception.OptionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        foreach (var failure in exception.Failures)
        {
            var match = DataAnnotationFailure().Match(failure);
            if (!match.Success)
            {
                yield return OneLine(section is null ? failure : $"{section}: {failure}");
                continue;
            }

            var member = match.Groups["member"].Value;
            var key = section is null ? member : $"{section}:{member}";
            var env = key.Replace(":", "__", StringComparison.Ordinal);
            yield return OneLine(string.Create(CultureInfo.InvariantCulture, $"{key}: {match.Groups["error"].Value.TrimEnd('.')}. Set {env} in the environment or {key} in appsettings.json."));
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    [GeneratedRegex(@"members: '(?<member>[^']+)' with the error: '(?<error>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
