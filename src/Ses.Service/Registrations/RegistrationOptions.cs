using System.Globalization;
using Ses.Service.Data;

namespace Ses.Service.Registrations;

/// <summary>
/// The limits of the public registration routes (<c>Registrations:</c>), counted in the database per client address and per
/// mobile over a fixed window: <c>WindowMinutes</c> (60), <c>CodesPerMobile</c> (5 SMS codes to one mobile),
/// <c>CodesPerAddress</c> (20 code requests from one address), <c>SubmissionsPerAddress</c> (10 registrations or amendments
/// from one address), <c>LettersPerAddress</c> (30 pre-filled 确认函 from one address). A request over a limit is answered 429
/// <c>registration.too-many</c>.
/// </summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registrations";

    public int WindowMinutes { get; init; } = 60;

    public int CodesPerMobile { get; init; } = 5;

    public int CodesPerAddress { get; init; } = 20;

    public int SubmissionsPerAddress { get; init; } = 10;

    public int LettersPerAddress { get; init; } = 30;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    /// <summary>The validated section; a value that is not a positive whole number stops start-up with its key.</summary>
    public static RegistrationOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new RegistrationOptions
        {
            WindowMinutes = Positive(section, nameof(WindowMinutes), 60),
            CodesPerMobile = Positive(section, nameof(CodesPerMobile), 5),
            CodesPerAddress = Positive(section, nameof(CodesPerAddress), 20),
            SubmissionsPerAddress = Positive(section, nameof(SubmissionsPerAddress), 10),
            LettersPerAddress = Positive(section, nameof(LettersPerAddress), 30),
        };
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        if (section[key] is not { } text) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ConfigurationProblemException($"{Section}:{key} must be a positive whole number, not '{text}'");
    }
}
