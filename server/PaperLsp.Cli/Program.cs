using PaperLsp.Cli;

var output = CliOutput.ForConsole();
int code = CommandLine.Run(args, output);
output.Flush();
return code;
