using System.Text;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Tests;

/// <summary>
/// Digests are read from disk in chunks straight into one string: the text must be exactly what decoding
/// the whole file at once gives, whatever falls on a chunk boundary.
/// </summary>
public class DigestFilesTests
{
    private const int Chunk = 1 << 20;
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static IEnumerable<TestCaseData> Contents()
    {
        byte[] Around(int at, byte[] middle)
        {
            var bytes = Encoding.ASCII.GetBytes(new string('a', at) + "\n");
            return [.. bytes.AsSpan(0, at), .. middle, .. Encoding.ASCII.GetBytes("\nTitle after\n\nAn abstract.\n")];
        }
        yield return new TestCaseData(Array.Empty<byte>()).SetName("empty");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("\uFEFFTitle\n\nAbstract with é and 𝔸.\n")).SetName("BOM and astral");
        for (int shift = 1; shift <= 3; shift++)
        {
            yield return new TestCaseData(Around(Chunk - shift, Encoding.UTF8.GetBytes("€𝔸é"))).SetName($"multi-byte characters across the chunk boundary, {shift} before");
            yield return new TestCaseData(Around(Chunk - shift, [0xE2, 0x82, 0x41, 0xF0, 0x9D, 0xFF, 0xC3])).SetName($"invalid UTF-8 across the chunk boundary, {shift} before");
        }
        yield return new TestCaseData(Around(3 * Chunk + 5, Encoding.UTF8.GetBytes("Ω"))).SetName("several chunks");
        yield return new TestCaseData(Around(Chunk - 1, [0xF0, 0x9D, 0x94])).SetName("a truncated sequence at the very end");
    }

    [TestCaseSource(nameof(Contents))]
    public void The_text_equals_decoding_the_whole_file(byte[] content)
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "a.digest");
        File.WriteAllBytes(path, content);
        var loaded = DigestFiles.Load(path);
        Assert.That(loaded.Error, Is.Null);
        Assert.That(loaded.Text, Is.EqualTo(Lenient.GetString(content)));
    }

    [TestCase(0)]
    [TestCase(5000)]
    [TestCase(8191)]
    public void A_nul_byte_in_the_first_8_KB_is_refused_as_binary(int offset)
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "a.digest");
        var bytes = Encoding.ASCII.GetBytes(new string('x', 20000));
        bytes[offset] = 0;
        File.WriteAllBytes(path, bytes);
        var loaded = DigestFiles.Load(path);
        Assert.That(loaded.Text, Is.Null);
        Assert.That(loaded.Error, Does.Contain($"a NUL byte at offset {offset}"));
    }

    [Test]
    public void A_nul_byte_later_on_is_text()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "a.digest");
        var bytes = Encoding.ASCII.GetBytes(new string('x', 20000));
        bytes[9000] = 0;
        File.WriteAllBytes(path, bytes);
        Assert.That(DigestFiles.Load(path).Text, Has.Length.EqualTo(20000));
    }

    [Test]
    public void A_pipe_is_read_to_its_end()
    {
        // /dev/stdin in `paperlsp check /dev/stdin`, or a FIFO in a workspace: no length, no seeking.
        var content = Encoding.UTF8.GetBytes("A Paper About Pipes\n\nAn abstract that arrives through a pipe, é and 𝔸 included.\n");
        using var writer = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        using var reader = new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.In, writer.ClientSafePipeHandle);
        writer.Write(content);
        writer.Dispose(); // the end of the input
        string path = OperatingSystem.IsLinux() ? $"/proc/self/fd/{reader.SafePipeHandle.DangerousGetHandle()}" : "no-proc-on-this-system";
        var loaded = DigestFiles.Load(path);
        if (!OperatingSystem.IsLinux())
        {
            Assert.That(loaded.Error, Is.Not.Null);
            return;
        }
        Assert.That(loaded.Error, Is.Null);
        Assert.That(loaded.Text, Is.EqualTo(Encoding.UTF8.GetString(content)));
    }

    [Test]
    public void Over_the_limit_is_refused()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "a.digest");
        File.WriteAllText(path, new string('x', 100));
        Assert.That(DigestFiles.Load(path, maxBytes: 99).Error, Does.Contain("over the limit of 99 bytes"));
    }
}

/// <summary>A temporary folder that deletes itself.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("paperlsp-files-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
