using System.ComponentModel;
using System.Diagnostics;
using IOPath = System.IO.Path;

namespace Ses.Service.Tests.Security;

/// <summary>
/// A real small file system (tmpfs, mounted as root) that a test fills to the last byte: the disk-full errors are
/// the kernel's own, not a mock. <see cref="Mounted"/> is false where mounting is not allowed.
/// </summary>
internal sealed class FullDisk : IDisposable
{
    private FullDisk(string path, bool mounted)
    {
        Path = path;
        Mounted = mounted;
    }

    public string Path { get; }

    public bool Mounted { get; }

    private string Filler => IOPath.Combine(Path, "filler");

    public static FullDisk Mount(int kilobytes)
    {
        var path = Directory.CreateTempSubdirectory("ses-full-").FullName;
        var mounted = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path) == 0;
        return new FullDisk(path, mounted);
    }

    /// <summary>Writes until the file system refuses another byte.</summary>
    public void Fill()
    {
        using var file = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        var block = new byte[4096];
        try
        {
            while (true) file.Write(block);
        }
        catch (IOException)
        {
        }
        var one = new byte[1];
        try
        {
            while (true)
            {
                file.Write(one);
                file.Flush();
            }
        }
        catch (IOException)
        {
        }
    }

    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        if (Mounted) Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (Win32Exception)
        {
            return -1;
        }
    }
}
