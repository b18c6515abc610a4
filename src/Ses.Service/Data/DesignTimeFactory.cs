using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ses.Service.Data;

/// <summary>For <c>dotnet ef migrations add … --context SesDbContext</c>: the SQLite model, without starting the host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SesDbContext>
{
    public SesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SesDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresSesDbContext --output-dir Data/PostgresMigrations</c>
/// (no server is contacted).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSesDbContext>
{
    public PostgresSesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSesDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
