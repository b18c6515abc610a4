namespace Ses.Service.Data;

/// <summary>Configuration section <c>Database</c>: SQLite in <c>./data/</c> by default, PostgreSQL for several instances.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Default: <c>Data Source=data/ses.db</c>; for PostgreSQL an Npgsql connection string (password from the environment).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the file store (issued PDFs and DOCX by SHA-256); SQLite only — with PostgreSQL files are kept in the database.</summary>
    public string FilesPath { get; set; } = "data/files";

    /// <summary>
    /// SQLite only: <c>full</c> (default: every commit waits until it is on disk) or <c>normal</c> (faster commits; the
    /// last ones may be lost on a power loss, never on a crash of the service).
    /// </summary>
    public string SqliteSynchronous { get; set; } = "full";

    public IEnumerable<string> Problems()
    {
        if (SqliteSynchronous is not ("full" or "normal")) yield return $"Database:SqliteSynchronous must be full or normal, not '{SqliteSynchronous}'";
        if (Provider is not ("sqlite" or "postgres")) yield return $"Database:Provider must be sqlite or postgres, not '{Provider}'";
        if (Provider == "postgres" && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return "Database:ConnectionString is required with Database:Provider=postgres";
        }
    }
}
