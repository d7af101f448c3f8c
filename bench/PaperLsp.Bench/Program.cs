// paperlsp-bench: a plain Stopwatch harness for the parser (no BenchmarkDotNet: one 200 MB parse is
// long enough that timer resolution does not matter, warm-up runs let tiered JIT finish, and the GC
// state is set by hand before each phase).
//
//   dotnet run -c Release --project bench/PaperLsp.Bench -- parse FILE [--repeat N] [--warmup W] [--cold]
//       (a) floor: File.ReadAllBytes + split lines with Span.IndexOf((byte)'\n')
//       (b) decode floor: ReadAllBytes + UTF-8 -> string + EnumerateLines
//       (c) parse: ReadAllBytes + UTF-8 decode + DigestParser.Parse (and the Parse-only part)
//       per run, then medians over N runs (default 5, after W warm-ups, default 1) as Markdown table rows.
//       Small files need more warm-ups before tiered JIT has optimised the hot code (the script uses 5 at 100x).
//       --cold compacts the heap between phases, so freed memory may go back to the OS (as in a new process).
//   dotnet run -c Release --project bench/PaperLsp.Bench -- breakdown FILE [--repeat N] [--warmup W] [--cold]
//       where the time goes: each public stage of the parse (split, classify, facts) and of
//       `paperlsp check` (line index, exact and near duplicates) timed on its own.
//   dotnet run -c Release --project bench/PaperLsp.Bench -- dump FILE [--full]
//       SHA-256 of everything the parser and the duplicate finder produce (papers with every
//       fact, sections, problems, tree leaves): equal hashes before and after a Core change
//       mean identical behaviour on that file. --full prints the canonical text itself.
using PaperLsp.Bench;

return BenchMain.Run(args);
