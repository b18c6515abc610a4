using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ses.Service.Issuing;

namespace Ses.Service.Tests.Data;

/// <summary>A configuration outside its entity's feature, for <see cref="EntityConfigurationTests"/> to find.</summary>
public sealed class MisplacedDraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
    }
}
