using VpWijzer.Hosting;

if (args.Length > 0 && args[0] == "kb")
{
    return await KbCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error).ConfigureAwait(false);
}

try
{
    var app = BotApplication.Build(args);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (ContentInvalidException ex)
{
    await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
    return 3;
}
catch (VpWijzer.Scheduling.DirectoryInvalidException ex)
{
    await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
    return 4;
}
