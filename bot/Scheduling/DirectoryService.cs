using Microsoft.Extensions.Logging;

namespace VpWijzer.Scheduling;

/// <summary>
/// The current, validated directory. Loaded at start (invalid → the app does not start) and again
/// whenever the file changes; a broken edit keeps the last good directory and logs a warning.
/// </summary>
public sealed partial class DirectoryService : IVpDirectory, IDisposable
{
    private readonly string _path;
    private readonly ILogger<DirectoryService> _logger;
    private readonly FileSystemWatcher? _watcher;
    private LoadedDirectory _current;

    public DirectoryService(string path, ILogger<DirectoryService> logger)
    {
        _path = Path.GetFullPath(path);
        _logger = logger;
        var (loaded, errors) = DirectoryLoader.Load(_path);
        _current = loaded ?? throw new DirectoryInvalidException(errors);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path)) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName };
        _watcher.Changed += (_, _) => Reload();
        _watcher.Created += (_, _) => Reload();
        _watcher.Renamed += (_, _) => Reload();
        _watcher.EnableRaisingEvents = true;
    }

    public LoadedDirectory Current => Volatile.Read(ref _current);

    public IReadOnlyList<VpProfile> All => Current.Vps;

    public IReadOnlySet<string> CentralVpObjectIds => Current.CentralVps;

    public VpProfile? Find(string id) => Current.Vps.FirstOrDefault(v => v.Id == id);

    /// <summary>Reads the file again; returns false (and keeps the old directory) when it is broken.</summary>
    public bool Reload()
    {
        var (loaded, errors) = DirectoryLoader.Load(_path);
        if (loaded is null)
        {
            LogReloadRejected(_logger, errors.Count);
            return false;
        }

        Volatile.Write(ref _current, loaded);
        LogReloaded(_logger, loaded.Vps.Count, loaded.Rooms.Count);
        return true;
    }

    public void Dispose() => _watcher?.Dispose();

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "The changed directory file has {ErrorCount} error(s); the last good directory stays in use. Run the bot's directory check for details.")]
    private static partial void LogReloadRejected(ILogger logger, int errorCount);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Directory reloaded: {VpCount} VPs, {RoomCount} rooms")]
    private static partial void LogReloaded(ILogger logger, int vpCount, int roomCount);
}

public sealed class DirectoryInvalidException(IReadOnlyList<string> errors)
    : Exception("The VP directory file has errors, so the bot will not start:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
