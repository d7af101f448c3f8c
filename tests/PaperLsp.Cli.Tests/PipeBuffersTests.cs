using System.IO.Pipes;

namespace PaperLsp.Cli.Tests;

/// <summary>The server's stdin and stdout pipes are grown to 1 MB; anything that is not a pipe is left alone.</summary>
public class PipeBuffersTests
{
    [Test]
    public void A_pipe_grows_to_one_megabyte()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        int fd = (int)pipe.SafePipeHandle.DangerousGetHandle();
        int size = PipeBuffers.GrowOne(fd);
        if (!OperatingSystem.IsLinux())
        {
            Assert.That(size, Is.EqualTo(-1));
            return;
        }
        int allowed = int.Parse(File.ReadAllText("/proc/sys/fs/pipe-max-size").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(size, Is.EqualTo(Math.Min(PipeBuffers.Size, Math.Max(allowed, 65536))));
    }

    [Test]
    public void A_file_is_not_a_pipe()
    {
        using var dir = new TempFolder();
        using var file = File.Create(Path.Combine(dir.Path, "x"));
        Assert.That(PipeBuffers.GrowOne((int)file.SafeFileHandle.DangerousGetHandle()), Is.EqualTo(-1));
    }
}
