using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// workspace/didChangeConfiguration: reads <c>paperDigest.logLevel</c> (also accepted flat as
/// <c>logLevel</c>, and from initializationOptions). Unknown or ill-typed settings are ignored.
/// </summary>
public sealed class DidChangeConfigurationHandler : INotificationHandler
{
    public string Method => Methods.WorkspaceDidChangeConfiguration;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        var settings = notification.ParamsAs(LspJsonContext.Default.DidChangeConfigurationParams).Settings;
        Apply(session, settings);
        return ValueTask.CompletedTask;
    }

    public static void Apply(ServerSession session, JsonElement settings)
    {
        if (settings.ValueKind != JsonValueKind.Object) return;
        if (settings.TryGetProperty("paperDigest", out var section) && section.ValueKind == JsonValueKind.Object) settings = section;
        if (!settings.TryGetProperty("logLevel", out var level) || level.ValueKind != JsonValueKind.String) return;
        if (ParseLevel(level.GetString()) is { } parsed)
        {
            session.Logging.MinimumLevel = parsed;
            session.Logger.LogInformation("Log level is now {Level}", parsed);
        }
    }

    public static LogLevel? ParseLevel(string? value) => value?.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "off" or "none" => LogLevel.None,
        _ => null,
    };
}
