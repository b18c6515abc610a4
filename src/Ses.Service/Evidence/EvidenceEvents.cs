namespace Ses.Service.Evidence;

/// <summary>Event names. ETSI EN 319 522-1 §4 where one fits; the rest are ours and say so by not being there.</summary>
public static class EvidenceEvents
{
    /// <summary>Issued: the sender's submission accepted by the system.</summary>
    public const string SubmissionAcceptance = "SubmissionAcceptance";

    /// <summary>Served: the content made available in the recipient's accounts.</summary>
    public const string ContentConsignment = "ContentConsignment";

    /// <summary>A notification (SMS, email) sent to the recipient.</summary>
    public const string ConsignmentNotification = "ConsignmentNotification";

    public const string ConsignmentNotificationFailure = "ConsignmentNotificationFailure";

    /// <summary>Ours: a notification only recorded in the outbox (no SMS provider configured), not sent.</summary>
    public const string NotificationRecorded = "NotificationRecorded";

    /// <summary>Ours: a year of the holiday calendar imported (or replaced), with how many dates it moved; not about a
    /// document: its <see cref="EvidenceEntry.PdfSha256"/> holds the imported file's SHA-256.</summary>
    public const string CalendarImported = "CalendarImported";

    /// <summary>The recipient opened the document.</summary>
    public const string ContentAccessTracking = "ContentAccessTracking";

    /// <summary>The recipient downloaded the document.</summary>
    public const string ContentHandover = "ContentHandover";

    /// <summary>The recipient confirmed receipt (确认收讫).</summary>
    public const string ConsignmentAcceptance = "ConsignmentAcceptance";

    /// <summary>Nobody confirmed by the deemed date: deemed delivered.</summary>
    public const string AcceptanceRejectionExpiry = "AcceptanceRejectionExpiry";

    /// <summary>Ours: the paper delivery recorded with its evidence.</summary>
    public const string PaperDelivery = "PaperDelivery";

    /// <summary>Ours: the document voided.</summary>
    public const string DocumentVoided = "DocumentVoided";

    /// <summary>Ours: a provisional deemed date recomputed after its year's schedule was imported.</summary>
    public const string DeemedDateRecomputed = "DeemedDateRecomputed";

    /// <summary>Ours: a credit case opened; not about a document: its <see cref="EvidenceEntry.PdfSha256"/> holds the SHA-256 of
    /// the case's facts as recorded.</summary>
    public const string CaseOpened = "CaseOpened";

    /// <summary>Ours: a step of a credit case recorded (who, when, its due date and lateness); not about a document: its
    /// <see cref="EvidenceEntry.PdfSha256"/> holds the SHA-256 of the file the step produced or received, else of the step's facts.</summary>
    public const string CaseStepRecorded = "CaseStepRecorded";

    /// <summary>Ours: a credit record entered in SES (实施办法第十四条第二款), with the records of the persons recorded with an
    /// organisation; not about a document: its <see cref="EvidenceEntry.PdfSha256"/> holds the SHA-256 of the records' facts.</summary>
    public const string RecordEntered = "RecordEntered";

    /// <summary>Ours: a credit record removed — expired (实施办法第十七条), repaired or corrected; one entry per record.</summary>
    public const string RecordRemoved = "RecordRemoved";

    /// <summary>Ours: a credit record marked as the subject of a reconsideration or litigation (实施办法第二十七条).</summary>
    public const string RecordMarked = "RecordMarked";

    /// <summary>Ours: the mark of a reconsideration or litigation taken off a credit record.</summary>
    public const string RecordUnmarked = "RecordUnmarked";

    /// <summary>Ours: a credit record adjusted by a correction (实施办法第二十四条) or following an organisation change
    /// (实施办法第二十二条); its <see cref="EvidenceEntry.PdfSha256"/> holds the SHA-256 of the record's facts after the change.</summary>
    public const string RecordAdjusted = "RecordAdjusted";

    /// <summary>Ours: an organisation change recorded (实施办法第二十二条: renamed, split, merged).</summary>
    public const string OrganisationChanged = "OrganisationChanged";

    /// <summary>Ours: a counterparty's submission (a statement and defence, a repair application) received and stored; not about a
    /// document: its <see cref="EvidenceEntry.PdfSha256"/> holds the SHA-256 of the submission's contents (text and files' hashes).
    /// Its receipt, the evidence handed to the counterparty, is a <see cref="SubmissionAcceptance"/> entry.</summary>
    public const string SubmissionReceived = "SubmissionReceived";

    /// <summary>Ours: a counterparty's confirmation letter (确认函) verified by its supervising bureau; not about a document: its
    /// <see cref="EvidenceEntry.PdfSha256"/> holds the SHA-256 of the letter's scan.</summary>
    public const string ConsentVerified = "ConsentVerified";

    /// <summary>Ours: the confirmation letter in force withdrawn; electronic service stops until a new one is verified.</summary>
    public const string ConsentWithdrawn = "ConsentWithdrawn";

    /// <summary>Ours: a counterparty's own registration submitted (注册通知第二条第（二）项); not about a document: its
    /// <see cref="EvidenceEntry.PdfSha256"/> holds the SHA-256 of the registration's 确认函 scan, as for every registration step.</summary>
    public const string RegistrationSubmitted = "RegistrationSubmitted";

    /// <summary>Ours: a registration amended by the registrant after the office asked for more.</summary>
    public const string RegistrationAmended = "RegistrationAmended";

    /// <summary>Ours: the mailed originals of a registration received by the office (注册通知第二条第（三）项).</summary>
    public const string RegistrationOriginalReceived = "RegistrationOriginalReceived";

    /// <summary>Ours: the office asked the registrant for more.</summary>
    public const string RegistrationMoreRequested = "RegistrationMoreRequested";

    /// <summary>Ours: a registration approved: the counterparty, its accounts and its 确认函 registered (注册通知第二条第（四）项).</summary>
    public const string RegistrationApproved = "RegistrationApproved";

    /// <summary>Ours: a registration rejected, with the reason.</summary>
    public const string RegistrationRejected = "RegistrationRejected";
}
