using Ses.Service.Http;

namespace Ses.Service.Registrations;

/// <summary>
/// Thrown inside an approval's transaction when one of its steps refuses (a counterparty, an account or the letter): the
/// whole approval rolls back and the refusal is answered — no counterparty without its accounts and letter.
/// </summary>
public sealed class RegistrationRollbackException(Refusal refused) : Exception("the approval was refused and rolled back")
{
    public Refusal Refused { get; } = refused;
}
