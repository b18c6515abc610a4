namespace Ses.Service.Tests.Cases;

/// <summary>A service of its own whose clock the credit-case tests set: they stand around the 2026 National Day holiday.</summary>
public sealed class CasesFixture() : DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-cases-").FullName, owns: true,
    time: new TestClock(TestClock.Beijing(2026, 9, 30)))
{
    public TestClock Clock => (TestClock)Time!;
}
