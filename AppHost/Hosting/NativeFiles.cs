using System.Runtime.InteropServices;

namespace CdnPulse.Hosting;

internal static partial class NativeFiles
{
    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Chown(string path, int uid, int gid);
}
