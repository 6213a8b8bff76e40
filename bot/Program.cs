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
catch (Exception ex) when (StartupChecks.TryDescribe(ex, out var lines, out var exitCode))
{
    // One line per problem, naming the key and what to do; the exit codes are listed in README.md.
    await Console.Error.WriteLineAsync("vp-wijzer will not start: " + lines[0]).ConfigureAwait(false);
    foreach (var line in lines.Skip(1))
    {
        await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
    }

    return exitCode;
}
