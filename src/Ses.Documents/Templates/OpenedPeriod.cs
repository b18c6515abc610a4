namespace Ses.Documents.Templates;

/// <summary>
/// A period that runs from the delivery of a form's document (<c>"opens"</c> in the file). The library only names it;
/// the service computes its last day under the rule each period cites.
/// </summary>
public enum OpenedPeriod
{
    /// <summary>Statement and defence after a notice (实施办法第十三条); the date printed in the field marked
    /// <c>"proposal": "reply-date"</c>, if any, counts.</summary>
    Defense,

    /// <summary>Administrative reconsideration (行政复议法第二十条).</summary>
    Reconsideration,

    /// <summary>Administrative litigation (行政诉讼法第四十六条).</summary>
    Litigation,

    /// <summary>The validity of the record (实施办法第十七条), by the case chosen in the form's <c>"validityCase"</c> field.</summary>
    Validity,

    /// <summary>The earliest credit repair application (实施办法第十八条), by the same case.</summary>
    Repair,
}
