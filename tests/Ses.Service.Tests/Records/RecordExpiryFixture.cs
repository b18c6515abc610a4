namespace Ses.Service.Tests.Records;

/// <summary>A service of its own for the expiry tests (their records expire there, and only theirs), standing on 2025-02-28 10:00 Beijing.</summary>
public sealed class RecordExpiryFixture() : DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-expiry-").FullName, owns: true,
    time: new TestClock(TestClock.Beijing(2025, 2, 28)))
{
    public TestClock Clock => (TestClock)Time!;
}
