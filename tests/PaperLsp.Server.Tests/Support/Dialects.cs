namespace PaperLsp.Server.Tests.Support;

/// <summary>
/// One small digest per dialect, each with a `$0` cursor on the title of a paper whose repository is
/// https://github.com/lab/fold (the title is "Fold: Tiny Heads" in every one).
/// </summary>
public static class Dialects
{
    public const string Title = "Fold: Tiny Heads";
    public const string Repository = "https://github.com/lab/fold";

    public static readonly string[] Names = ["spaced", "compact", "page-copy", "markdown"];

    public static (string Uri, string Fixture) Get(string name) => name switch
    {
        "spaced" => ("file:///w/spaced.digest", """
            Daily Papers

            Sep 10

            Fold: Tiny $0Heads

            We propose Fold, which merges attention heads while training. It runs 3.1x faster and reaches 76.2% top-1 accuracy on ImageNet. Code: https://github.com/lab/fold.

            Another Paper About Graphs

            We study graphs in depth. We find that the answer depends on scale.
            """),
        "compact" => ("file:///w/compact.txt", """
            Get trending papers in your email inbox!
            SubscribeFold: Tiny $0Heads
            We propose Fold, which merges attention heads while training. It runs 3.1x faster and reaches 76.2% top-1 accuracy on ImageNet. Code: https://github.com/lab/fold.
            Another Paper About Graphs
            We study graphs in depth. We find that the answer depends on scale.
            """),
        "page-copy" => ("file:///w/page.papers", """
            Daily Papers
            [-] 19
            https://huggingface.co/papers/2502.01234
            Fold: Tiny $0Heads
            [
            6 authors
            ](https://huggingface.co/papers/2502.01234#authors)
            ·
            Feb 7, 2025
            We propose Fold, which merges attention heads while training. It runs 3.1x faster and reaches 76.2% top-1 accuracy on ImageNet. Code: https://github.com/lab/fold.
            [-] 3
            https://huggingface.co/papers/2502.04321
            Another Paper About Graphs
            We study graphs in depth. We find that the answer depends on scale.
            """),
        "markdown" => ("file:///w/list.md", """
            # Reading list

            ## Fold: Tiny $0Heads

            We propose Fold, which merges attention heads while training. It runs 3.1x faster and reaches 76.2% top-1 accuracy on ImageNet.

            [arXiv](https://arxiv.org/abs/2502.01234) | [Code](https://github.com/lab/fold)

            ## Another Paper About Graphs

            We study graphs in depth. We find that the answer depends on scale.
            """),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>A client that renders Markdown hovers, takes LocationLinks and opens documents.</summary>
    public const string Capabilities = """
        {"textDocument":{"hover":{"contentFormat":["markdown","plaintext"]},"definition":{"linkSupport":true}},"window":{"showDocument":{"support":true}}}
        """;
}
