using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ses.Service.Data;

/// <summary>For <c>dotnet ef migrations add</c>: the SQLite model, without starting the host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SesDbContext>
{
    public SesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SesDbContext>().UseSqlite("Data Source=design.db").Options);
}
