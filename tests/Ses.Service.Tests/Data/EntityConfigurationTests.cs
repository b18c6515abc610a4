using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;
using Ses.Service.Issuing;

namespace Ses.Service.Tests.Data;

/// <summary>
/// Each entity's EF configuration is an <see cref="IEntityTypeConfiguration{TEntity}"/> named
/// <c>&lt;Entity&gt;Configuration</c> in the entity's own feature (namespace), not a block of a shared
/// <c>OnModelCreating</c>.
/// </summary>
public sealed class EntityConfigurationTests
{
    private static List<Type> Entities()
    {
        using var db = DataSetup.Open(new DatabaseOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Database=never_opened" });
        // The service's own entities; a library's (Data Protection's key table) is configured by that library.
        return db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => t.Assembly == typeof(SesDbContext).Assembly).ToList();
    }

    private static List<Type> Configurations() => typeof(SesDbContext).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && ConfiguredEntity(t) is not null).ToList();

    private static Type? ConfiguredEntity(Type configuration) => configuration.GetInterfaces()
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))?.GetGenericArguments()[0];

    /// <summary>What is wrong with these entities and configurations; empty when the convention holds.</summary>
    private static List<string> Problems(IReadOnlyCollection<Type> entities, IReadOnlyCollection<Type> configurations)
    {
        var problems = new List<string>();
        foreach (var entity in entities)
        {
            var own = configurations.Where(c => ConfiguredEntity(c) == entity).ToList();
            if (own.Count != 1)
            {
                problems.Add($"{entity.FullName}: {own.Count} configurations, expected one {entity.Name}Configuration");
                continue;
            }
            var configuration = own[0];
            if (configuration.Name != entity.Name + "Configuration") problems.Add($"{configuration.FullName}: should be named {entity.Name}Configuration");
            if (configuration.Namespace != entity.Namespace) problems.Add($"{configuration.FullName}: should be in {entity.Namespace}, beside {entity.Name}");
        }
        foreach (var configuration in configurations.Where(c => !entities.Contains(ConfiguredEntity(c)!)))
        {
            problems.Add($"{configuration.FullName}: configures {ConfiguredEntity(configuration)!.Name}, which is not in the model");
        }
        return problems;
    }

    [Fact]
    public void EveryEntity_HasItsOwnConfiguration_InItsFeature()
    {
        var entities = Entities();
        Assert.NotEmpty(entities);
        Assert.Empty(Problems(entities, Configurations()));
    }

    [Fact]
    public void AnEntityWithoutConfiguration_IsReported()
    {
        var entities = Entities();
        var missing = typeof(Draft);
        var problems = Problems(entities, Configurations().Where(c => ConfiguredEntity(c) != missing).ToList());
        Assert.Equal($"{missing.FullName}: 0 configurations, expected one DraftConfiguration", Assert.Single(problems));
    }

    [Fact]
    public void AConfigurationOutsideItsEntitysFeature_IsReported()
    {
        var draft = typeof(Draft);
        var configurations = Configurations().Where(c => ConfiguredEntity(c) != draft).Append(typeof(MisplacedDraftConfiguration)).ToList();
        var problems = Problems(Entities(), configurations);
        Assert.Equal(2, problems.Count);
        Assert.Contains($"{typeof(MisplacedDraftConfiguration).FullName}: should be named DraftConfiguration", problems);
        Assert.Contains($"{typeof(MisplacedDraftConfiguration).FullName}: should be in Ses.Service.Issuing, beside Draft", problems);
    }
}
