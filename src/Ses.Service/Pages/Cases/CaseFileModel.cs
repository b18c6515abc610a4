using Ses.Service.Cases;
using Ses.Service.Records;

namespace Ses.Service.Pages.Cases;

/// <summary>
/// What _CaseFile shows: the case; whether its documents link to the officer's document page; the case page whose
/// file handler serves the steps' files (null: names only); the record it led to, and whether to link to it (legal staff).
/// </summary>
public sealed record CaseFileModel(CaseView Case, bool DocumentLinks, string? FilesPage, RecordView? Record, bool RecordLink);
