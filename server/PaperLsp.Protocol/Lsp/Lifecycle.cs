using System.Text.Json;
using System.Text.Json.Serialization;
using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Protocol.Lsp;

public sealed record InitializeParams
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? ProcessId { get; init; }

    public ClientInfo? ClientInfo { get; init; }

    public string? Locale { get; init; }

    public string? RootPath { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? RootUri { get; init; }

    public JsonElement? InitializationOptions { get; init; }

    /// <summary>The client's capabilities as sent; <see cref="ParseCapabilities"/> reads the parts we use.</summary>
    public required JsonElement Capabilities { get; init; }

    public string? Trace { get; init; }

    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }

    /// <summary>The typed view of <see cref="Capabilities"/>; empty (everything unsupported) if they don't fit it.</summary>
    public ClientCapabilities ParseCapabilities()
    {
        if (Capabilities.ValueKind != JsonValueKind.Object)
        {
            return new ClientCapabilities();
        }

        try
        {
            return Capabilities.Deserialize(LspJsonContext.Default.ClientCapabilities) ?? new ClientCapabilities();
        }
        catch (JsonException)
        {
            return new ClientCapabilities();
        }
    }
}

public sealed record ClientInfo(string Name, string? Version = null);

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo? ServerInfo = null);

public sealed record ServerInfo(string Name, string? Version = null);

public sealed record InitializedParams;

public sealed record SetTraceParams(string Value);

public static class TraceValue
{
    public const string Off = "off";
    public const string Messages = "messages";
    public const string Verbose = "verbose";
}

public sealed record CancelParams(RequestId Id);
