using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ses.Service.Data;

/// <summary>
/// Whether a failed save broke a unique constraint (or a primary key) — the one database failure that means "someone
/// else got there first" — on either provider. Anything else (a full disk, a lost connection, a foreign key) is not
/// a conflict and must not be answered as one.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// SQLite: <c>SQLITE_CONSTRAINT_UNIQUE</c> (2067) or <c>SQLITE_CONSTRAINT_PRIMARYKEY</c> (1555); PostgreSQL: SQLSTATE
    /// 23505 (<c>unique_violation</c>). The exception itself or one it wraps.
    /// </summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteConstraint
                    && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
            }
        }
        return false;
    }
}
