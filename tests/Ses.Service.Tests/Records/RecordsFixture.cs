namespace Ses.Service.Tests.Records;

/// <summary>A service of its own for the credit-record tests, standing on 2026-09-30 10:00 Beijing.</summary>
public sealed class RecordsFixture() : DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-records-").FullName, owns: true,
    time: new TestClock(TestClock.Beijing(2026, 9, 30)))
{
    public TestClock Clock => (TestClock)Time!;
}
