namespace Ses.Documents.Templates;

/// <summary>The typed kinds a form field can have. Names in template files are kebab-case (<c>id-number</c>).</summary>
public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,
    /// <summary>Several lines of text (facts, reasons).</summary>
    Multiline,
    /// <summary>A calendar date, ISO <c>yyyy-MM-dd</c>, printed as 2026年3月1日.</summary>
    Date,
    /// <summary>PRC resident identity number (GB 11643-1999, with checksum).</summary>
    IdNumber,
    /// <summary>Unified social credit code (GB 32100-2015, with checksum).</summary>
    Uscc,
    /// <summary>Two-character airline designator of a foreign or HK/Macao/Taiwan airline.</summary>
    AirlineCode,
    /// <summary>Passport or other travel-document number.</summary>
    Passport,
    /// <summary>Licence number of another foreign certificate holder.</summary>
    Licence,
    /// <summary>Contact phone: mainland mobile or landline.</summary>
    Phone,
    /// <summary>How an organisation is identified (实施办法第五条): USCC, else airline code, else licence number.</summary>
    OrgId,
    /// <summary>How a person is identified (实施办法第五条): ID number, else passport (or other document) number.</summary>
    PersonId,
    /// <summary>The number of another document (西北局信决字〔2026〕3号), as cited in a transfer slip or rejection.</summary>
    DocumentNumber,
    /// <summary>One of the options the form leaves to the officer.</summary>
    Choice,
    /// <summary>Repeating rows of a table (other responsible persons, records to repair).</summary>
    Rows,
}
