namespace Ses.Documents.Signing.Crypto;

/// <summary>Writes key material readable by the owner only: files 0600, directory 0700 (on Unix; on Windows the
/// user profile's ACLs apply).</summary>
internal static class PrivateFiles
{
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode700 = FileMode600 | UnixFileMode.UserExecute;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, DirectoryMode700);
        File.SetUnixFileMode(path, DirectoryMode700); // an existing directory keeps its mode otherwise
    }

    /// <summary>Creates a new file (never overwrites) that is private from the first byte.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode600;
        using (var stream = new FileStream(path, options)) stream.Write(content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, FileMode600); // umask only narrows; be explicit
    }
}
