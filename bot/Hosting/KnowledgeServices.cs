using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VpWijzer.Dialogs;
using VpWijzer.Knowledge;
using VpWijzer.Routing;

namespace VpWijzer.Hosting;

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder with the topic files; empty means the files shipped with the app.</summary>
    public string? ContentDirectory { get; set; }

    /// <summary>
    /// A writable folder for trained models. Empty: only the models shipped beside the binaries (trained at build by
    /// <c>kb train</c>) are loaded. Set it when your content or Organisation:Contacts differ from the shipped ones: the
    /// first start trains (seconds) and saves the models there, later starts load them. docs/DEPLOY.md.
    /// </summary>
    public string? ModelDirectory { get; set; }
}

/// <summary>Thrown at startup when content files are broken; the message lists file and line.</summary>
public sealed class ContentInvalidException(IReadOnlyList<ContentError> errors)
    : Exception("The content files have errors, so the bot will not start:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}

public static partial class KnowledgeServices
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section);
        services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.Section);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var contacts = sp.GetRequiredService<IOptions<ContactOptions>>().Value;
            contacts.StateIdleMinutes = (int)Math.Ceiling(sp.GetRequiredService<IOptions<VpWijzer.State.StateOptions>>().Value.IdleTtl.TotalMinutes);
            var result = ContentLoader.Load(string.IsNullOrWhiteSpace(options.ContentDirectory) ? ContentLoader.DefaultDirectory : options.ContentDirectory, contacts);
            return result.IsValid ? result.KnowledgeBase! : throw new ContentInvalidException(result.Errors);
        });
        services.AddSingleton<TextAnalysis>();
        services.AddSingleton(sp => TrainingCorpus.LoadDefault(sp.GetRequiredService<KnowledgeBase>()));
        services.AddSingleton(sp => new ModelStore([ModelStore.ShippedDirectory], sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ModelDirectory));
        services.AddSingleton(sp => new Recogniser(sp.GetRequiredService<KnowledgeBase>(), sp.GetRequiredService<TextAnalysis>(), corpus: sp.GetRequiredService<TrainingCorpus>(), store: sp.GetRequiredService<ModelStore>()));
        services.AddSingleton(sp => CrisisScreener.TrainDefault(sp.GetRequiredService<KnowledgeBase>(), store: sp.GetRequiredService<ModelStore>()));
        services.AddSingleton<QuestionClassifier>();
        services.Replace(ServiceDescriptor.Singleton<ILanguageDetector, KnowledgeLanguageDetector>());
        services.TryAddSingleton<IBookingEntry, VpContactBookingEntry>();
        services.AddSingleton<KnowledgeDialogs>();
        services.AddSingleton<IRouteModule>(sp => sp.GetRequiredService<KnowledgeDialogs>());
        services.AddSingleton<ITurnMiddleware, CrisisMiddleware>();
        services.AddSingleton<ITurnMiddleware, LongMessageMiddleware>();
        services.AddSingleton<IReadinessCheck, KnowledgeReadiness>();
        services.AddHostedService<KnowledgeWarmup>();
        return services;
    }

    /// <summary>Loads content and builds the index at startup, so broken content stops the bot at once.</summary>
    private sealed partial class KnowledgeWarmup(IServiceProvider services, ILogger<KnowledgeWarmup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            // The screener, the crisis patterns and the recogniser are built side by side (two cores).
            var patterns = Task.Run(CrisisDetector.WarmUp, cancellationToken);
            var screener = Task.Run(() => services.GetRequiredService<CrisisScreener>(), cancellationToken);
            var recogniser = services.GetRequiredService<QuestionClassifier>();
            patterns.GetAwaiter().GetResult();
            recogniser.Classify("hallo", State.Language.Nl);
            screener.GetAwaiter().GetResult();
            foreach (var (kind, source) in services.GetRequiredService<ModelStore>().Sources.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                LogModel(logger, kind, source);
            }

            LogReady(logger, watch.ElapsedMilliseconds);

            // Building the indexes and training the models leaves tens of MB of garbage behind; give that memory back to
            // the OS once, before the first request, instead of carrying it as committed heap (issue 10: RSS).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Model {Kind}: {Source}")]
        private static partial void LogModel(ILogger logger, string kind, string source);

        [LoggerMessage(Level = LogLevel.Information, Message = "Content, index and models ready in {Milliseconds} ms")]
        private static partial void LogReady(ILogger logger, long milliseconds);
    }

    private sealed class KnowledgeReadiness(KnowledgeBase knowledge) : IReadinessCheck
    {
        public string Name => "content";

        public Task<bool> IsReadyAsync(CancellationToken ct) => Task.FromResult(knowledge.Topics.Count > 0);
    }
}
