using PaperLsp.Core.Configuration;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Cli;

/// <summary>The CLI's settings: the defaults and the nearest .paperlsp.json above the first path, as the editor reads it.</summary>
internal static class CliSettings
{
    public static Settings Load(IReadOnlyList<string> paths, CliOutput output)
    {
        string start = paths.Count == 0 ? "." : Directory.Exists(paths[0]) ? paths[0] : Path.GetDirectoryName(Path.GetFullPath(paths[0])) ?? ".";
        if (!Directory.Exists(start) || ProjectSettingsFile.FindUpwards(start) is not { } folder) return Settings.Default;
        var json = ProjectSettingsFile.Read(folder, out string? error);
        if (error is not null) output.Error(error);
        if (json is null) return Settings.Default;
        var warnings = new List<string>();
        var settings = SettingsReader.Apply(Settings.Default, json.Value, warnings);
        foreach (string w in warnings) output.Error($"{Path.Combine(folder, ProjectSettingsFile.FileName)}: {w}");
        return settings;
    }
}
