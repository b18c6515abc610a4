namespace Ses.Documents.Templates;

/// <summary>Who writes and signs a form: the bureau, or the counterparty (the 确认函, the repair application).</summary>
public enum FormAuthor
{
    /// <summary>Issued by the bureau under its seal.</summary>
    Bureau,

    /// <summary>Written, sealed and signed by the counterparty; the bureau never seals or signs it and never issues it.</summary>
    Counterparty,
}
