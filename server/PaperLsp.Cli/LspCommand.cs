using PaperLsp.Server;

namespace PaperLsp.Cli;

/// <summary>`paperlsp lsp` (or `--stdio`, which vscode-languageclient appends): the language server on stdio.</summary>
internal static class LspCommand
{
    public static bool Wants(string[] args) => args.Length > 0 && (args[0] == "lsp" || args[0] == "--stdio");

    public static async Task<int> RunAsync()
    {
        PipeBuffers.Grow();
#pragma warning disable RS0030 // The server's writer owns stdout from here on; nothing else writes to it.
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
#pragma warning restore RS0030
        return await ServerHost.RunAsync(stdin, stdout, Console.Error).ConfigureAwait(false);
    }
}
