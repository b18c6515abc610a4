using Ses.Service.Submissions;

namespace Ses.Service.Evaluations;

/// <summary>A new round: the year evaluated, the notice to the enterprises and the day their materials are due.</summary>
public sealed record RoundRequest(int? Year, string? Notice, DateOnly? MaterialsDueOn);

/// <summary>An enterprise added to a round: a counterparty the bureau supervises and its type (暂行办法附表注1).</summary>
public sealed record EnterpriseRequest(Guid? CounterpartyId, string? Type);

/// <summary>An event entered with its evidence (the fields of <see cref="EvaluationEvent"/>; a file optional).</summary>
public sealed record EntryRequest(
    int? Item, DateOnly? Date, string? Cause, bool? Corrected, decimal? Fine, decimal? Points, bool? Excluded, int? Casualties, string? Evidence,
    byte[]? File, string? FileName);

/// <summary>
/// Events imported from a file in the format of <c>ses ga score</c> (its text), with the evidence of the import (the
/// source the events were taken from).
/// </summary>
public sealed record EntryImport(string? File, string? Evidence);

/// <summary>An entry taken back, and why.</summary>
public sealed record EntryRemoval(string? Reason);

/// <summary>How the notices are served (electronic, paper, both; omitted: the counterparty's default) and whom they name for contact.</summary>
public sealed record NoticeOptions(string? Mode, string? Contact, string? ContactPhone);

/// <summary>The review's result: the reasons (复核意见) and how the notice is served.</summary>
public sealed record ReviewDecision(string? Reasons, string? Mode, string? Contact, string? ContactPhone);

/// <summary>Materials an enterprise uploads for the round.</summary>
public sealed record MaterialUpload(string? Note, IReadOnlyList<AttachmentInput?>? Attachments);

/// <summary>A written review application (暂行办法第十四条): the objection and its evidence.</summary>
public sealed record ReviewApplication(string? Reason, IReadOnlyList<AttachmentInput?>? Attachments);

public sealed record RoundView(
    Guid Id, int Year, string State, string StateLabel, string Notice, DateOnly NoticeOn, DateOnly MaterialsDueOn, DateOnly? PreEvaluatedOn,
    DateOnly? PublishedOn, DateOnly? PublicationEndsOn, string? PublicationRule, DateOnly? ReviewDueOn, string? ReviewRule, DateOnly? FinalPublishedOn,
    IReadOnlyList<EvaluationSummary> Enterprises);

public sealed record EvaluationSummary(
    Guid Id, Guid CounterpartyId, string Enterprise, string Type, decimal Score, string Grade, decimal? PreScore, string? PreGrade, string? PreNumber,
    int ReviewApplications, string? ReviewResult, decimal? FinalScore, string? FinalGrade);

public sealed record CauseView(string Label, decimal Deducted, string Basis, string? RepeatedBasis);

public sealed record SkippedView(int Item, string Reason);

public sealed record EntryView(
    Guid Id, int Item, string ItemTitle, DateOnly Date, string? Cause, bool? Corrected, decimal? Fine, decimal? Points, bool Excluded, int? Casualties,
    string Evidence, string? FileName, Guid? RecordId, string EnteredBy, DateTimeOffset EnteredAt, bool Removed, string? RemovedReason);

public sealed record MaterialView(Guid Id, string FileName, long Size, string? Note, string UploadedBy, DateTimeOffset UploadedAt, bool Late);

/// <summary>A review application as the officer reads it: who, when, the reason and the files (by number).</summary>
public sealed record ReviewApplicationView(Guid Id, DateTimeOffset SubmittedAt, string AccountName, string Text, IReadOnlyList<string> Files);

public sealed record ReviewView(
    IReadOnlyList<ReviewApplicationView> Applications, DateOnly? FirstAppliedOn, DateOnly? DueOn, bool Decided, DateOnly? DecidedOn, bool Late, string? Result,
    string? ResultLabel, string? Reasons, decimal? Score, string? Grade, Guid? DocumentId, string? Number);

public sealed record EvaluationView(
    Guid Id, Guid RoundId, int Year, string RoundState, string RoundStateLabel, Guid CounterpartyId, string Enterprise, string Type, decimal Score,
    string Grade, decimal Deducted, IReadOnlyList<CauseView> Causes, IReadOnlyList<SkippedView> Skipped, IReadOnlyList<EntryView> Entries,
    IReadOnlyList<MaterialView> Materials, decimal? PreScore, string? PreGrade, Guid? PreDocumentId, string? PreNumber, ReviewView Review,
    decimal? FinalScore, string? FinalGrade, bool EntriesOpen);

/// <summary>What the enterprise sees of a round it is in.</summary>
public sealed record MyEvaluationView(
    Guid Id, int Year, string Bureau, string StateLabel, string Notice, DateOnly NoticeOn, DateOnly MaterialsDueOn, bool MaterialsOpen,
    IReadOnlyList<MaterialView> Materials, string Type, decimal? PreScore, string? PreGrade, Guid? PreDeliveryId, string? PreNumber,
    DateOnly? PublishedOn, DateOnly? PublicationEndsOn, bool ReviewOpen, IReadOnlyList<Guid> ReviewApplications, string? ReviewResultLabel,
    Guid? ReviewDeliveryId, string? ReviewNumber, decimal? FinalScore, string? FinalGrade);

/// <summary>One line of the public list (暂行办法第十三条): the result as the CAAC website shows it.</summary>
public sealed record PublicEvaluation(int Year, string Stage, string Bureau, string Enterprise, string Type, string Grade, DateOnly PublishedOn,
    DateOnly? PublicationEndsOn);

/// <summary>An enterprise's latest published grade as an inspector planning inspections reads it (暂行办法第十九条).</summary>
public sealed record InspectionGrade(Guid CounterpartyId, string Enterprise, string Type, int Year, string Grade, string Note);
