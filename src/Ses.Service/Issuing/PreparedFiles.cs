using System.Security.Cryptography;
using Ses.Service.Storage;

namespace Ses.Service.Issuing;

/// <summary>
/// The files the issue queue's jobs have stored and still stand by. The store is addressed by content, so two jobs can
/// store the same bytes (the same draft with the same number, one of them then refused); a job that gives its files up
/// removes only a file it created, that no other job still stands by and that no job was issued with. A refused job
/// therefore never removes the file of an issued one. (Across processes the same bytes would need the same issue
/// instant to the tick as well; that case is not tracked.)
/// </summary>
internal sealed partial class PreparedFiles(IFileStore files, ILogger logger)
{
    private readonly Dictionary<string, (int Claims, bool Issued)> _claims = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Stores <paramref name="content"/> for a job, claimed before it is written so no give-up removes it meanwhile.</summary>
    public async Task<(string Sha256, bool Created)> PutAsync(byte[] content, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        lock (_gate)
        {
            var (claims, issued) = _claims.GetValueOrDefault(sha);
            _claims[sha] = (claims + 1, issued);
        }
        try
        {
            return await files.PutAsync(content, ct);
        }
        catch
        {
            Release(sha, created: false, issued: false);
            throw;
        }
    }

    /// <summary>The job was issued with the file: it stays.</summary>
    public void Issued(string sha256) => Release(sha256, created: false, issued: true);

    /// <summary>The job no longer needs the file; it is removed if the job created it and nobody else needs it.</summary>
    public void GiveUp(string sha256, bool created) => Release(sha256, created, issued: false);

    // Never throws: a file that cannot be removed stays behind, unnamed, and the job's outcome is still delivered.
    private void Release(string sha, bool created, bool issued)
    {
        lock (_gate)
        {
            var (claims, wasIssued) = _claims.GetValueOrDefault(sha);
            issued |= wasIssued;
            if (claims <= 1) _claims.Remove(sha);
            else _claims[sha] = (claims - 1, issued);
            if (claims > 1 || !created || issued) return;
            try
            {
                // Under the lock, so no job can claim the same bytes between the decision and the removal.
                files.Forget(sha);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogForgetFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored file no document names could not be removed")]
    private static partial void LogForgetFailed(ILogger logger, Exception error);
}
