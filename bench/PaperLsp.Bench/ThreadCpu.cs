using System.Runtime.InteropServices;

namespace PaperLsp.Bench;

/// <summary>
/// CPU time of the calling thread in milliseconds (Linux, nanosecond resolution). On a box shared with
/// other work, wall time per step mostly measures the neighbours; this measures the step.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static double Milliseconds => ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
}
