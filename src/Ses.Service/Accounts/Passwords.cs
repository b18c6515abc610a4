using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Ses.Documents.Validation;

namespace Ses.Service.Accounts;

/// <summary>
/// Password hashing with ASP.NET Core Identity's hasher (PBKDF2 with HMAC-SHA512, 100,000 iterations, salted),
/// lockout after repeated failures, and random initial passwords.
/// </summary>
public static class Passwords
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public const int MinLength = 10;

    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    public static string Hash(string password) => Hasher.HashPassword(Subject, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(Subject, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    /// <summary>A random password of 16 characters from an alphabet without look-alikes (initial passwords).</summary>
    public static string Random()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }

    /// <summary>Null when acceptable, else the stable rule code.</summary>
    public static string? Check(string password, string userName)
    {
        if (password.Length < MinLength) return ErrorCodes.PasswordTooShort;
        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase)) return ErrorCodes.PasswordContainsName;
        var classes = new[]
        {
            password.Any(char.IsAsciiLetterLower),
            password.Any(char.IsAsciiLetterUpper),
            password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)),
        };
        return classes.Count(x => x) < 3 ? ErrorCodes.PasswordTooSimple : null;
    }
}
