using System.Globalization;

namespace PaperLsp.Core.Text;

/// <summary>
/// "1 paper", "2,300 words": a count and a noun. Humanizer's ToQuantity pluralises through its vocabulary of
/// about a hundred compiled regular expressions, built on first use: 100–200 ms of every <c>paperlsp check</c>
/// and of a server's first hover. Every noun counted here takes a plain "s".
/// </summary>
public static class Quantity
{
    /// <param name="format">How the count is written ("N0": with thousands separators); null: digits only.</param>
    public static string Of(long count, string noun, string? format = null) =>
        count.ToString(format, CultureInfo.InvariantCulture) + " " + Noun(count, noun);

    /// <summary>The noun as it goes with the count: singular for exactly one.</summary>
    public static string Noun(long count, string noun) => count == 1 ? noun : noun + "s";
}
