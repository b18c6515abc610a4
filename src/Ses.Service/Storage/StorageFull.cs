using Microsoft.Data.Sqlite;
using Ses.Documents.Validation;

namespace Ses.Service.Storage;

/// <summary>
/// A write refused because the disk is full — of the file store or of the database (SQLite's <c>SQLITE_FULL</c>) —
/// recognised in one place, so it answers 503 <c>storage.full</c> and stops start-up with one line, wherever it happens.
/// </summary>
public static class StorageFull
{
    public const string Code = ErrorCodes.StorageFull;

    public const string Title = "存储空间已满，未保存；请联系管理员清理磁盘后重试";

    private const int Enospc = 28;
    private const int SqliteFull = 13;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>Whether the exception (or one it wraps) is a disk-full failure.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteFull:
                    return true;
                case IOException io when io.HResult is Enospc or WindowsDiskFull or WindowsHandleDiskFull:
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is)) return true;
        }
        return false;
    }
}
