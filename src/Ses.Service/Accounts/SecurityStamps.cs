using System.Security.Cryptography;

namespace Ses.Service.Accounts;

/// <summary>Security stamps: 32 random hexadecimal characters, replaced to end a user's sign-ins.</summary>
public static class SecurityStamps
{
    public const int Length = 32;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));
}
