namespace PaperLsp.Cli;

/// <summary>
/// Replaces a file's bytes all at once: the new bytes go to a temporary file in the same folder (flushed to
/// disk, with the original's permissions), which is then renamed over the original. If anything fails, the
/// temporary file is deleted and the original is untouched. A symbolic link is followed: its target is written.
/// </summary>
internal static class AtomicFile
{
    public static void Replace(string path, byte[] bytes, byte[] expectedOriginal)
    {
        string target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target)!;
        string temp = Path.Combine(folder, $".{Path.GetFileName(target)}.paperlsp-{Guid.NewGuid().ToString("N")[..12]}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            // Someone else's edit since we read the file must not be lost.
            if (!File.ReadAllBytes(target).AsSpan().SequenceEqual(expectedOriginal))
                throw new IOException("the file changed while it was being fixed");
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
            throw;
        }
    }
}
