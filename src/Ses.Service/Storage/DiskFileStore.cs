using System.Security.Cryptography;

namespace Ses.Service.Storage;

/// <summary>
/// Files under a folder as <c>ab/cd/abcd….bin</c> by SHA-256, written to a temporary name and moved into place. With
/// <paramref name="flushToDisk"/> (the default, matching the database's <c>synchronous=full</c>) the bytes are on
/// disk before the file is moved into place — so a record committed durably never names a file a power loss emptied.
/// </summary>
public sealed class DiskFileStore(string root, bool flushToDisk = true) : IFileStore
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Whether a stored file is flushed to disk before <see cref="PutAsync"/> returns.</summary>
    public bool FlushToDisk { get; } = flushToDisk;

    public async Task<(string Sha256, bool Created)> PutAsync(byte[] content, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(sha);
        if (File.Exists(path)) return (sha, false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, ct);
                // Flushed here, inside the try: a full disk may only refuse the bytes when they are written out.
                if (FlushToDisk) file.Flush(flushToDisk: true);
                else await file.FlushAsync(ct);
            }
            File.Move(temp, path, overwrite: false);
            return (sha, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer stored the same bytes first: same content, nothing to do.
            DeleteQuietly(temp);
            return (sha, false);
        }
        catch
        {
            // A failed write (a full disk, a cancellation) leaves no partial or empty temporary file behind.
            DeleteQuietly(temp);
            throw;
        }
    }

    private static void DeleteQuietly(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Deleting frees space and needs none; if even that fails, the name ends in .tmp and is never read.
        }
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public void Forget(string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path)) File.Delete(path);
    }

    private string PathOf(string sha)
    {
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("not a SHA-256 in lower-case hex", nameof(sha));
        return Path.Combine(Root, sha[..2], sha[2..4], sha + ".bin");
    }
}
