using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ses.Service.Data;

/// <summary>
/// Inserts many new rows of one entity in the context's open write transaction, without change tracking: multi-row
/// INSERT statements whose parameters the provider's own type mappings make (so a value is stored exactly as EF Core
/// stores it — SQLite's UTC ticks for an instant, its text for a GUID). For jobs that write thousands of rows under one
/// lock; the rows must carry their keys (no store-generated values) and are not tracked afterwards.
/// </summary>
public static class BulkInsert
{
    // PostgreSQL allows 65,535 parameters in a statement; a few hundred rows a statement take the round trips out of the loop.
    private const int MaxParameters = 8_000;

    public static async Task InsertAsync<T>(SesDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a write transaction (Transactions.WriteAsync).");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        // SQLite binds a named parameter by a linear search of the statement's names, so a statement of thousands of
        // parameters costs quadratic time: there one prepared single-row statement runs once a row (in-process, no round
        // trip). PostgreSQL takes a few hundred rows a statement, to save round trips.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / columns.Count);
        var connection = db.Database.GetDbConnection();
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                var text = count == perStatement && command is not null ? command.CommandText : Statement(sql, table, columns, count);
                if (command is null || command.CommandText != text)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = text;
                }
                // The same statement again: the parameters the type mappings made stay, only their values change.
                var reuse = command.Parameters.Count == count * columns.Count;
                if (!reuse) command.Parameters.Clear();
                for (var i = 0; i < count; i++)
                {
                    var row = rows[start + i];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var column = columns[c];
                        var value = column.Property.GetGetter().GetClrValue(row);
                        if (reuse)
                        {
                            command.Parameters[i * columns.Count + c].Value =
                                (column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                        }
                        else
                        {
                            command.Parameters.Add(column.Mapping.CreateParameter(command, $"@p{i * columns.Count + c}", value, column.Property.IsNullable));
                        }
                    }
                }
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    private static string Statement(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<Column> columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        for (var i = 0; i < rows; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append('(').AppendJoin(", ", Enumerable.Range(i * columns.Count, columns.Count).Select(n => "@p" + n)).Append(')');
        }
        return text.ToString();
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);
}
