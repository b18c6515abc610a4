namespace Ses.Service.Storage;

/// <summary>Where issued files live, addressed by their SHA-256; a stored file is never overwritten.</summary>
public interface IFileStore
{
    /// <summary>Stores the bytes; returns their SHA-256 (lower-case hex) and whether this call created the file.</summary>
    Task<(string Sha256, bool Created)> PutAsync(byte[] content, CancellationToken ct);

    Task<byte[]?> GetAsync(string sha256, CancellationToken ct);

    /// <summary>Removes a file this process just created in a step that then failed (never an older file).</summary>
    void Forget(string sha256);
}
