using VpWijzer.Hosting;

var app = BotApplication.Build(args);
await app.RunAsync().ConfigureAwait(false);
