using Ses.Service.Submissions;

namespace Ses.Service.Registrations;

/// <summary>A registration's data once checked and normalised: what is stored, and the office it belongs to.</summary>
public sealed record RegistrationData(string Kind, string Name, string IdScheme, string IdValue, string Address, string Bureau, string Office,
    (string Name, string Mobile, string Email)[] Contacts, (string UserName, string Department)[] Accounts, UploadedFile? Licence, UploadedFile? Letter)
{
    /// <summary>The key that stays unique among pending registrations.</summary>
    public string PendingKey => $"{IdScheme}:{IdValue}";
}
