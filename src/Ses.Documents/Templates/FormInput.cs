using Ses.Documents.Numbering;

namespace Ses.Documents.Templates;

/// <summary>A form with validated values, ready to render.</summary>
public sealed record FormInput(
    FormTemplate Form,
    BureauProfile Bureau,
    DocumentNumber? Number,
    IReadOnlyDictionary<string, FieldValue> Values);
