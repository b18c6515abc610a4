using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ses.Service.Accounts;

/// <summary>Table <c>sign_in_attempts</c>.</summary>
public sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(64);
        // Old entries of names nobody tries any more are removed by this date.
        builder.HasIndex(a => a.LastAttemptAt);
    }
}
