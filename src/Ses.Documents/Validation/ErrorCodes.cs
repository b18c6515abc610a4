namespace Ses.Documents.Validation;

/// <summary>
/// Every stable error code, once, for the library and the service alike: the <c>code</c> of a problem answer and the
/// <c>code</c> of each field problem (<see cref="Problem.Code"/>). Programs read the code, people the Chinese message
/// beside it. A code is never reused for another meaning; code literals live nowhere else (a test scans the sources).
/// </summary>
public static class ErrorCodes
{
    // Field values (the form engine, and every other check that names a field).
    public const string FieldRequired = "field.required";
    public const string FieldUnknown = "field.unknown";
    public const string FieldType = "field.type";
    public const string FieldTooLong = "field.too-long";
    public const string FieldControlChar = "field.control-char";
    public const string FieldSurrogate = "field.surrogate";
    public const string FieldBidi = "field.bidi";
    public const string FieldZeroWidth = "field.zero-width";
    public const string FieldEncoding = "field.encoding";
    public const string FieldGlyphMissing = "field.glyph.missing";
    public const string FieldDateFormat = "field.date.format";
    public const string FieldChoiceUnknown = "field.choice.unknown";
    public const string FieldRowsMin = "field.rows.min";
    public const string FieldRowsMax = "field.rows.max";
    public const string FieldDocumentNumberFormat = "field.document-number.format";
    public const string FieldOrgIdScheme = "field.orgid.scheme";
    public const string FieldPersonIdScheme = "field.personid.scheme";
    public const string FieldIdNumberFormat = "field.idnumber.format";
    public const string FieldIdNumberArea = "field.idnumber.area";
    public const string FieldIdNumberBirthDate = "field.idnumber.birthdate";
    public const string FieldIdNumberChecksum = "field.idnumber.checksum";
    public const string FieldUsccFormat = "field.uscc.format";
    public const string FieldUsccChecksum = "field.uscc.checksum";
    public const string FieldUsccOrgCode = "field.uscc.orgcode";
    public const string FieldAirlineFormat = "field.airline.format";
    public const string FieldPassportFormat = "field.passport.format";
    public const string FieldLicenceFormat = "field.licence.format";
    public const string FieldMobileFormat = "field.mobile.format";
    public const string FieldPhoneFormat = "field.phone.format";
    public const string FieldEmailFormat = "field.email.format";
    public const string FieldBase64 = "field.base64";
    public const string FieldReplyDateTooEarly = "field.reply-date.too-early";
    public const string FieldDateAfterIssue = "field.date.after-issue";
    public const string FieldSealingUnitUnknown = "field.sealing-unit.unknown";

    // Forms, numbers and bureaus.
    public const string FormUnknown = "form.unknown";
    public const string FormNotNumbered = "form.not-numbered";
    public const string FormCounterpartyAuthored = "form.counterparty-authored";
    public const string DataNotObject = "data.not-object";
    public const string BureauUnknown = "bureau.unknown";
    public const string NumberFormat = "number.format";
    public const string NumberPrefix = "number.prefix";
    public const string NumberSeries = "number.series";
    public const string NumberNotNumbered = "number.not-numbered";

    // Answers that are not about one field.
    public const string Validation = "validation";
    public const string NotFound = "not-found";
    public const string Conflict = "conflict";
    public const string RequestInvalid = "request.invalid";
    public const string RequestMethod = "request.method";
    public const string RequestNotAcceptable = "request.not-acceptable";
    public const string RequestTooLarge = "request.too-large";
    public const string RequestMediaType = "request.media-type";
    public const string RequestTooMany = "request.too-many";
    public const string RequestJsonMalformed = "request.json-malformed";
    public const string RequestQueryInvalid = "request.query-invalid";
    public const string RequestBodyMissing = "request.body-missing";
    public const string RequestInProgress = "request.in-progress";
    public const string IdempotencyKeyInvalid = "idempotency.key-invalid";
    public const string IdempotencyKeyReused = "idempotency.key-reused";
    public const string ServiceUnavailable = "service.unavailable";
    public const string ServerError = "server.error";
    public const string StorageFull = "storage.full";

    // Signing in, sessions and passwords.
    public const string AuthRequired = "auth.required";
    public const string AuthForbidden = "auth.forbidden";
    public const string AuthFailed = "auth.failed";
    public const string AuthLocked = "auth.locked";
    public const string AuthRevoked = "auth.revoked";
    public const string AuthCrossSite = "auth.cross-site";
    public const string AccountDisabled = "account.disabled";
    public const string PasswordChangeRequired = "password.change-required";
    public const string PasswordTooShort = "password.too-short";
    public const string PasswordContainsName = "password.contains-name";
    public const string PasswordTooSimple = "password.too-simple";

    // Counterparties, accounts and staff.
    public const string CounterpartyKind = "counterparty.kind";
    public const string CounterpartyIdScheme = "counterparty.id-scheme";
    public const string CounterpartyContacts = "counterparty.contacts";
    public const string CounterpartyExists = "counterparty.exists";
    public const string CounterpartyUnknown = "counterparty.unknown";
    public const string PartyMismatch = "party.mismatch";
    public const string PartyIdMismatch = "party.id-mismatch";
    public const string PartyKindMismatch = "party.kind-mismatch";
    public const string AccountName = "account.name";
    public const string AccountExists = "account.exists";
    public const string StaffName = "staff.name";
    public const string StaffRole = "staff.role";
    public const string StaffSelf = "staff.self";
    public const string StaffUnit = "staff.unit";

    // The bureau's units (局机关部门, 监管局).
    public const string UnitName = "unit.name";
    public const string UnitKind = "unit.kind";
    public const string UnitSubmitsTo = "unit.submits-to";
    public const string UnitExists = "unit.exists";
    public const string UnitInUse = "unit.in-use";

    // Drafts, issuing, the register and draft rendering.
    public const string DraftIssued = "draft.issued";
    public const string DraftVersion = "draft.version";
    public const string DraftStepTaken = "draft.step-taken";
    public const string DocumentUnknown = "document.unknown";
    public const string DocumentVoided = "document.voided";
    public const string SigningNoBureauKey = "signing.no-bureau-key";
    public const string SigningNoUnitKey = "signing.no-unit-key";
    public const string TsaUnavailable = "tsa.unavailable";
    public const string TsaOff = "tsa.off";
    public const string TsaContentType = "tsa.content-type";
    public const string RenderFormat = "render.format";
    public const string RenderNumberRefused = "render.number-refused";
    public const string RenderOtherBureau = "render.other-bureau";
    public const string RenderSignRefused = "render.sign-refused";

    // Serving and delivery.
    public const string ServeNoCounterparty = "serve.no-counterparty";
    public const string ServeImportantBoth = "serve.important-both";
    public const string ServeNoAccount = "serve.no-account";
    public const string ServeNoConsent = "serve.no-consent";
    public const string DeliveryExists = "delivery.exists";
    public const string DeliveryUnknown = "delivery.unknown";
    public const string DeliveryNotPaper = "delivery.not-paper";
    public const string DeliveryConfirmed = "delivery.confirmed";
    public const string PaperBeforeServing = "paper.before-serving";
    public const string PaperFuture = "paper.future";
    public const string PaperReceiptSize = "paper.receipt-size";
    public const string PaperReceiptType = "paper.receipt-type";
    public const string PaperRecorded = "paper.recorded";

    // The holiday calendar.
    public const string CalendarLineFormat = "calendar.line-format";
    public const string CalendarDateTwice = "calendar.date-twice";
    public const string CalendarEmpty = "calendar.empty";
    public const string CalendarMovesDates = "calendar.moves-dates";

    // Credit cases.
    public const string CaseCounterparty = "case.counterparty";
    public const string CaseClauseRequired = "case.clause.required";
    public const string CaseClauseUnknown = "case.clause.unknown";
    public const string CaseDecisionBeforeAct = "case.decision-before-act";
    public const string CaseDateInFuture = "case.date-in-future";
    public const string CaseUnit = "case.unit";
    public const string CaseStepState = "case.step.state";
    public const string CaseDateOrder = "case.date.order";
    public const string CaseStatementPeriodOpen = "case.statement.period-open";
    public const string CaseNotDelivered = "case.not-delivered";
    public const string CaseFileSize = "case.file.size";
    public const string CaseChanged = "case.changed";

    // The counterparty's confirmation letter (确认函), on which electronic service rests.
    public const string ConsentFileEmpty = "consent.file.empty";
    public const string ConsentFileName = "consent.file.name";
    public const string ConsentFileSize = "consent.file.size";
    public const string ConsentFileType = "consent.file.type";
    public const string ConsentFileContent = "consent.file.content";
    public const string ConsentDateInFuture = "consent.date-in-future";
    public const string ConsentNone = "consent.none";

    // A counterparty's own changes (配置管理).
    public const string CounterpartyChangeNothing = "counterparty-change.nothing";
    public const string CounterpartyChangePending = "counterparty-change.pending";
    public const string CounterpartyChangeState = "counterparty-change.state";
    public const string AccountLastActive = "account.last-active";

    // Credit repair.
    public const string RepairPersonAlone = "repair.person-alone";
    public const string RepairNotInForce = "repair.not-in-force";
    public const string RepairOpen = "repair.open";
    public const string RepairTooEarly = "repair.too-early";

    // Submissions by the counterparty (statements, repair applications) and their files.
    public const string SubmissionEmpty = "submission.empty";
    public const string SubmissionNotNotice = "submission.not-a-notice";
    public const string SubmissionFileCount = "submission.file.count";
    public const string SubmissionFileName = "submission.file.name";
    public const string SubmissionFileEmpty = "submission.file.empty";
    public const string SubmissionFileSize = "submission.file.size";
    public const string SubmissionFileTotal = "submission.file.total";
    public const string SubmissionFileType = "submission.file.type";
    public const string SubmissionFileContent = "submission.file.content";

    // Credit records.
    public const string RecordMarkKind = "record.mark.kind";
    public const string RecordMarkBeforeDecision = "record.mark.before-decision";
    public const string RecordMarked = "record.already-marked";
    public const string RecordNotMarked = "record.not-marked";
    public const string RecordDateInFuture = "record.date-in-future";
    public const string RecordQuery = "record.query";
    public const string RecordChanged = "record.changed";

    // Corrections of credit records (实施办法第二十四条).
    public const string CorrectionRecordUnknown = "correction.record-unknown";
    public const string CorrectionNotInForce = "correction.not-in-force";
    public const string CorrectionOpen = "correction.open";
    public const string CorrectionKind = "correction.kind";
    public const string CorrectionDateInFuture = "correction.date-in-future";
    public const string CorrectionDateOrder = "correction.date-order";
    public const string CorrectionClauseUnknown = "correction.clause-unknown";
    public const string CorrectionNothingToAmend = "correction.nothing-to-amend";
    public const string CorrectionState = "correction.state";
    public const string CorrectionChanged = "correction.changed";

    // Organisation changes (实施办法第二十二条).
    public const string OrganisationChangeKind = "organisation-change.kind";
    public const string OrganisationChangeCounterparty = "organisation-change.counterparty";
    public const string OrganisationChangeSame = "organisation-change.same";
    public const string OrganisationChangeDateInFuture = "organisation-change.date-in-future";

    // General-aviation evaluation (《通用航空企业诚信经营评价管理暂行办法》): the file of one enterprise's year and its events.
    public const string EvaluationFile = "evaluation.file";
    public const string EvaluationEnterprise = "evaluation.enterprise";
    public const string EvaluationType = "evaluation.type";
    public const string EvaluationYear = "evaluation.year";
    public const string EvaluationItem = "evaluation.item";
    public const string EvaluationItemDerived = "evaluation.item.derived";
    public const string EvaluationDate = "evaluation.date";
    public const string EvaluationCause = "evaluation.cause";
    public const string EvaluationCorrected = "evaluation.corrected";
    public const string EvaluationFine = "evaluation.fine";
    public const string EvaluationPoints = "evaluation.points";
    public const string EvaluationExcluded = "evaluation.excluded";
    public const string EvaluationCasualties = "evaluation.casualties";
    public const string EvaluationFieldUnexpected = "evaluation.field.unexpected";

    // The evaluation round (暂行办法第十条至第十五条).
    public const string EvaluationRoundExists = "evaluation.round-exists";
    public const string EvaluationEnterpriseExists = "evaluation.enterprise-exists";
    public const string EvaluationNoEnterprise = "evaluation.no-enterprise";
    public const string EvaluationState = "evaluation.state";
    public const string EvaluationNoReview = "evaluation.no-review";
    public const string EvaluationReviewDecided = "evaluation.review-decided";
    public const string EvaluationReviewOpen = "evaluation.review-open";
    public const string EvaluationPublicationOpen = "evaluation.publication-open";
    public const string EvaluationReviewClosed = "evaluation.review-closed";
    public const string EvaluationMaterialsClosed = "evaluation.materials-closed";
    public const string EvaluationChanged = "evaluation.changed";

    // Counterparties registering themselves (《关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知》第二条、第三条).
    public const string RegistrationKind = "registration.kind";
    public const string RegistrationAddressOffice = "registration.address.office";
    public const string RegistrationBureau = "registration.bureau";
    public const string RegistrationCodeInvalid = "registration.code.invalid";
    public const string RegistrationCodeExpired = "registration.code.expired";
    public const string RegistrationCodeTries = "registration.code.tries";
    public const string RegistrationTooMany = "registration.too-many";
    public const string RegistrationPending = "registration.pending";
    public const string RegistrationAccounts = "registration.accounts";
    public const string RegistrationAccountDuplicate = "registration.account.duplicate";
    public const string RegistrationState = "registration.state";
    public const string RegistrationOriginalMissing = "registration.original-missing";
    public const string RegistrationDateInFuture = "registration.date-in-future";
}
