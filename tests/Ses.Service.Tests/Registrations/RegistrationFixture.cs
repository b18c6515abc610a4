namespace Ses.Service.Tests.Registrations;

/// <summary>
/// The service for the registration tests of one class, standing on Monday 9 March 2026 at 10:00 Beijing time. Every request
/// of a test comes from the same address, so the per-address limits are set high here; <c>RegistrationRateLimitTests</c>
/// tests them at their configured values.
/// </summary>
public sealed class RegistrationFixture() : DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-reg-").FullName, owns: true,
    new TestClock(TestClock.Beijing(2026, 3, 9, 10)), new Dictionary<string, string>
    {
        ["Registrations:SubmissionsPerAddress"] = "100000",
        ["Registrations:CodesPerAddress"] = "100000",
        ["Registrations:LettersPerAddress"] = "100000",
    });
