namespace Ses.Service.Registrations;

/// <summary>An account a registration asks for, bound to one of the registrant's departments (注册通知第二条第（二）项).</summary>
public sealed class RegistrationAccount
{
    public long Id { get; init; }

    public Guid RegistrationId { get; init; }

    /// <summary>ASCII only (CounterpartyRules.CheckAccountName).</summary>
    public required string UserName { get; init; }

    public required string Department { get; init; }
}
