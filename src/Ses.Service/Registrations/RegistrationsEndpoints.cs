using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Registrations;

/// <summary>
/// Registration by the counterparty itself, without sign-in (rate-limited per address and per mobile), and its review by the
/// administrators of the bureau it belongs to.
/// </summary>
public static class RegistrationsEndpoints
{
    /// <summary>Two scans of at most 10 MB each, as base64, and the rest of the registration.</summary>
    public const long MaxBodyBytes = 30L * 1024 * 1024;

    public static IEndpointRouteBuilder MapRegistrations(this IEndpointRouteBuilder app)
    {
        // 注册通知附件2: the registrant has no account yet; the SMS code proves its mobile, the token its registration.
        var open = app.MapGroup("/api/registrations").WithTags("Registration").AllowAnonymous();
        open.MapPost("/codes", SendCode).WithName("SendRegistrationCode").ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Send a one-time SMS code (6 digits, 10 minutes, 5 tries) to the first contact's mobile");
        open.MapGet("/account-name", SuggestName).WithName("SuggestAccountName")
            .WithSummary("Suggest an account name from the Chinese name and the department (pinyin initials + \"_\" + department initials)");
        open.MapPost("/confirmation-letter", Letter).WithName("PrefilledConfirmationLetter").ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf")
            .WithSummary("The 确认函 pre-filled with the data typed so far, unsigned, to print, sign, seal and scan");
        open.MapPost("/", Submit).WithName("SubmitRegistration").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Submit a registration with the SMS code and the scans; the answer holds the token to follow and amend it (shown once)");
        open.MapGet("/{id:guid}", Status).WithName("RegistrationStatus").WithSummary("Where the registration stands (?token= from the submission)");
        open.MapGet("/{id:guid}/confirmation-letter", StoredLetter).WithName("RegistrationConfirmationLetter")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf")
            .WithSummary("The 确认函 pre-filled with the registration's data (?token=)");
        open.MapPut("/{id:guid}", Amend).WithName("AmendRegistration").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Amend the registration after the office asked for more (token in the body); a scan left out is kept");

        var office = app.MapStaffGroup("/api/registration-reviews", AuthSetup.AdminPolicy).WithTags("Registration");
        office.MapGet("/", Queue).WithName("RegistrationQueue").WithSummary("The bureau's registrations waiting for review, oldest first (?state=)");
        office.MapGet("/{id:guid}", Get).WithName("GetRegistration").WithSummary("One registration with its accounts and scans");
        office.MapGet("/{id:guid}/files/{fileId:guid}", File).WithName("GetRegistrationFile")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", "image/jpeg", "image/png")
            .WithSummary("A scan as uploaded");
        office.MapPost("/{id:guid}/original-received", Receive).WithName("RegistrationOriginalReceived").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record the day the mailed originals reached the office");
        office.MapPost("/{id:guid}/approve", Approve).WithName("ApproveRegistration").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Approve: the counterparty, its accounts (initial passwords by SMS) and its verified 确认函, all or nothing");
        office.MapPost("/{id:guid}/reject", Reject).WithName("RejectRegistration").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reject with a reason sent to the contacts");
        office.MapPost("/{id:guid}/request-more", RequestMore).WithName("RequestMoreForRegistration").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask the registrant for more; it amends the registration with its token");
        return app;
    }

    private static async Task<Results<Ok<CodeSent>, ValidationProblem, NotFound, ProblemHttpResult>> SendCode(CodeRequest request, RegistrationCodes codes,
        HttpContext http)
    {
        var (sent, refused) = await codes.SendAsync(request, http.Source(), http.RequestAborted);
        return sent is null ? ApiProblems.From<Ok<CodeSent>>(refused!) : TypedResults.Ok(sent);
    }

    private static Ok<AccountNameSuggestion> SuggestName(string? name, string? department) =>
        TypedResults.Ok(new AccountNameSuggestion(AccountNames.Suggest(name, department)));

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> Letter(LetterRequest request,
        RegistrationLetters letters, RegistrationThrottles throttles, HttpContext http)
    {
        if (!await throttles.TakeAsync(RegistrationThrottles.LettersPerAddress, http.Source(), http.RequestAborted))
        {
            return ApiProblems.From<FileContentHttpResult>(RegistrationThrottles.TooMany);
        }
        var (pdf, problems) = letters.Render(request);
        return pdf is null ? ApiProblems.Invalid(problems) : TypedResults.File(pdf, "application/pdf", letters.FileName);
    }

    private static async Task<Results<Created<RegistrationReceipt>, ValidationProblem, NotFound, ProblemHttpResult>> Submit(RegistrationRequest request,
        RegistrationService registrations, HttpContext http)
    {
        var (receipt, refused) = await registrations.SubmitAsync(request, http.Source(), http.RequestAborted);
        return receipt is null
            ? ApiProblems.From<Created<RegistrationReceipt>>(refused!)
            : TypedResults.Created($"/api/registrations/{receipt.Id}", receipt);
    }

    private static async Task<Results<Ok<RegistrationStatus>, NotFound>> Status(Guid id, string? token, RegistrationService registrations,
        CancellationToken ct) =>
        await registrations.StatusAsync(id, token, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> StoredLetter(Guid id, string? token, RegistrationService registrations,
        RegistrationLetters letters, CancellationToken ct) =>
        await registrations.FindAsync(id, token, ct) is { } r
            ? TypedResults.File(letters.Render(r), "application/pdf", letters.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<RegistrationStatus>, ValidationProblem, NotFound, ProblemHttpResult>> Amend(Guid id, RegistrationAmendment request,
        RegistrationService registrations, HttpContext http)
    {
        var (status, refused) = await registrations.AmendAsync(id, request, http.Source(), http.RequestAborted);
        return status is null ? ApiProblems.From<Ok<RegistrationStatus>>(refused!) : TypedResults.Ok(status);
    }

    private static async Task<Results<Ok<List<RegistrationSummary>>, ValidationProblem, NotFound, ProblemHttpResult>> Queue(RegistrationReview review,
        [AsParameters] StaffCaller caller, string? state = null)
    {
        var (list, refused) = await review.QueueAsync(caller.Bureau, state, caller.RequestAborted);
        return list is null ? ApiProblems.From<Ok<List<RegistrationSummary>>>(refused!) : TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<RegistrationView>, NotFound>> Get(Guid id, RegistrationReview review, [AsParameters] StaffCaller caller) =>
        await review.GetAsync(id, caller.Bureau, caller.RequestAborted) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> File(Guid id, Guid fileId, RegistrationReview review,
        [AsParameters] StaffCaller caller) =>
        await review.FileAsync(id, fileId, caller.Bureau, caller.RequestAborted) is { } found
            ? TypedResults.File(found.Content, found.File.ContentType, found.File.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<RegistrationView>, ValidationProblem, NotFound, ProblemHttpResult>> Receive(Guid id, OriginalReceipt request,
        RegistrationReview review, [AsParameters] StaffCaller caller) =>
        Answer(await review.ReceiveAsync(id, request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted));

    private static async Task<Results<Ok<RegistrationView>, ValidationProblem, NotFound, ProblemHttpResult>> Approve(Guid id, RegistrationApproval request,
        RegistrationReview review, [AsParameters] StaffCaller caller) =>
        Answer(await review.ApproveAsync(id, request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted));

    private static async Task<Results<Ok<RegistrationView>, ValidationProblem, NotFound, ProblemHttpResult>> Reject(Guid id, RegistrationDecision request,
        RegistrationReview review, [AsParameters] StaffCaller caller) =>
        Answer(await review.RejectAsync(id, request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted));

    private static async Task<Results<Ok<RegistrationView>, ValidationProblem, NotFound, ProblemHttpResult>> RequestMore(Guid id,
        RegistrationDecision request, RegistrationReview review, [AsParameters] StaffCaller caller) =>
        Answer(await review.RequestMoreAsync(id, request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted));

    private static Results<Ok<RegistrationView>, ValidationProblem, NotFound, ProblemHttpResult> Answer((RegistrationView? View, Refusal? Refused) done) =>
        done.View is null ? ApiProblems.From<Ok<RegistrationView>>(done.Refused!) : TypedResults.Ok(done.View);
}
