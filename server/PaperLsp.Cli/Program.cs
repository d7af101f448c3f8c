using PaperLsp.Cli;

HugePages.AdviseGcHeap();
if (LspCommand.Wants(args)) return await LspCommand.RunAsync();

var output = CliOutput.ForConsole();
int code = CommandLine.Run(args, output);
output.Flush();
return code;
