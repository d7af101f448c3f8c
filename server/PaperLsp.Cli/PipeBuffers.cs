using System.Runtime.InteropServices;

namespace PaperLsp.Cli;

/// <summary>
/// Linux: grows the pipes on stdin and stdout from 64 KB to 1 MB (the default most a process may ask for).
/// A 20 MB didOpen otherwise crosses the pipe in 64 KB turns, each a wake-up of the server's reader and of
/// the client's writer; the same for a large response. Anything but a pipe is left as it is.
/// </summary>
internal static class PipeBuffers
{
    private const int SetPipeSize = 1031; // F_SETPIPE_SZ in <fcntl.h>
    private const int GetPipeSize = 1032; // F_GETPIPE_SZ
    internal const int Size = 1 << 20;

    /// <returns>The size of each of stdin's and stdout's pipes afterwards (-1: not a pipe, or not Linux).</returns>
    public static (int Input, int Output) Grow()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("PAPERLSP_PIPE_GROW") == "0") return (-1, -1);
        return (GrowOne(0), GrowOne(1));
    }

    internal static int GrowOne(int fd)
    {
        try
        {
            int size = fcntl(fd, GetPipeSize, 0);
            if (size < 0 || size >= Size) return size; // not a pipe, or already as large
            // Refused past /proc/sys/fs/pipe-max-size: then the pipe stays as it was.
            return fcntl(fd, SetPipeSize, Size) < 0 ? size : fcntl(fd, GetPipeSize, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

#pragma warning disable SYSLIB1054 // one blittable call; LibraryImport would need unsafe code in this project
    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);
#pragma warning restore SYSLIB1054
}
