using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpWijzer.Auth;
using static VpWijzer.Tests.Auth.TestTokenFactory;

namespace VpWijzer.Tests.Auth;

public sealed class LoggingTests
{
    [Fact]
    public async Task ValidateAsync_Rejected_LogsReasonButNoTokenOrClaims()
    {
        var key = new TestSigningKey();
        await using LocalOpenIdServer server = await LocalOpenIdServer.StartAsync(BotFrameworkIssuer, key);
        using var http = new HttpClient();
        var logger = new RecordingLogger();
        var validator = new JwtInboundTokenValidator(Options.Create(TestValidator.Options(server)), http, logger);
        const string audience = "99999999-0000-0000-0000-000000000000";
        string token = Create(key, audience: audience);

        await validator.ValidateAsync(Bearer(token), ServiceUrl, "msteams", CancellationToken.None);

        string log = string.Join('\n', logger.Messages);
        Assert.Contains(nameof(InboundAuthFailure.AudienceInvalid), log, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], log, StringComparison.Ordinal);
        Assert.DoesNotContain(audience, log, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceUrl, log, StringComparison.Ordinal);
        Assert.DoesNotContain(key.KeyId, log, StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger<JwtInboundTokenValidator>
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue($"{formatter(state, exception)} {exception}");
    }
}
