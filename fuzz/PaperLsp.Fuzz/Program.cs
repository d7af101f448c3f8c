using System.Globalization;
using PaperLsp.Fuzz;

// paperlsp-fuzz TARGET [--seconds N] [--seed S] [--out DIR]
//   TARGET: parser | protocol.  Failures are saved under DIR/TARGET/failures (default .artifacts/fuzz),
//   the final corpus under DIR/TARGET/corpus. Exit code 1 when any input failed.
//   Run from the repository root: dotnet run --project fuzz/PaperLsp.Fuzz -c Release -- parser --seconds 600
if (args.Length == 0 || args[0] is not ("parser" or "protocol"))
{
    Console.Error.WriteLine("usage: paperlsp-fuzz parser|protocol [--seconds N] [--seed S] [--out DIR]");
    return 2;
}
int seconds = 60, seed = 1;
string outDir = Path.Combine(".artifacts", "fuzz");
for (int i = 1; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--out": outDir = args[i + 1]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}
string root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "PaperLsp.sln")) && Directory.GetParent(root) is { } parent) root = parent.FullName;
string seeds = Path.GetFullPath(Path.Combine(root, "..", "shared", "seeds"));
ITarget target = args[0] == "parser" ? new ParserTarget() : new ProtocolTarget();
#pragma warning disable RS0030 // the fuzzer's own progress lines
var fuzzer = new Fuzzer(target, outDir, line => Console.Out.WriteLine(line));
#pragma warning restore RS0030
int failures = fuzzer.Run(TimeSpan.FromSeconds(seconds), seed, root, Directory.Exists(seeds) ? seeds : null);
return failures == 0 ? 0 : 1;
