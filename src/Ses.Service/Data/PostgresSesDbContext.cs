using Microsoft.EntityFrameworkCore;

namespace Ses.Service.Data;

/// <summary>The same model on PostgreSQL; a type of its own so that its migrations (Data/PostgresMigrations) are
/// kept apart from SQLite's.</summary>
public sealed class PostgresSesDbContext(DbContextOptions<PostgresSesDbContext> options) : SesDbContext(options);
