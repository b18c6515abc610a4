using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Consent;

/// <summary>
/// The confirmation letters of a counterparty, kept by the administrators of its supervising bureau; and, for every staff
/// member of that bureau, whether it can be served electronically.
/// </summary>
public static class ConsentEndpoints
{
    public static IEndpointRouteBuilder MapConsentLetters(this IEndpointRouteBuilder app)
    {
        var admin = app.MapStaffGroup("/api/counterparties/{id:guid}/consent-letters", AuthSetup.AdminPolicy).WithTags("Counterparties");
        admin.MapPost("/", Record).WithName("RecordConsentLetter").WithMetadata(new RequestSizeLimitAttribute(RequestLimits.MaxJsonWithFileBytes))
            .WithSummary("Record the counterparty's signed confirmation letter (确认函) as verified; the letter in force before it is superseded");
        admin.MapPost("/withdraw", Withdraw).WithName("WithdrawConsentLetter")
            .WithSummary("End the letter in force: the counterparty is served on paper only until a new letter is verified")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/", History).WithName("ListConsentLetters").WithSummary("Every letter of the counterparty, newest first");
        admin.MapGet("/{letterId:guid}/file", File).WithName("GetConsentLetterFile").WithSummary("The letter's scan as verified")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", "image/jpeg", "image/png");

        var staff = app.MapStaffGroup("/api/counterparties/{id:guid}/electronic-service").WithTags("Counterparties");
        staff.MapGet("/", Electronic).WithName("GetElectronicService")
            .WithSummary("Whether the counterparty can be served electronically (an active account and a verified letter), and why not");
        return app;
    }

    private static async Task<Results<Created<ConsentLetterResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Record(
        Guid id, ConsentLetterRequest request, ConsentLetters letters, [AsParameters] StaffCaller caller)
    {
        var (letter, refused) = await letters.RecordAsync(id, request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return letter is null
            ? ApiProblems.From<Created<ConsentLetterResponse>>(refused!)
            : TypedResults.Created($"/api/counterparties/{id}/consent-letters/{letter.Id}/file", ConsentLetterResponse.From(letter));
    }

    private static async Task<Results<Ok<ConsentLetterResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, ConsentWithdrawal request, ConsentLetters letters, [AsParameters] StaffCaller caller)
    {
        var (letter, refused) = await letters.WithdrawAsync(id, request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return letter is null ? ApiProblems.From<Ok<ConsentLetterResponse>>(refused!) : TypedResults.Ok(ConsentLetterResponse.From(letter));
    }

    private static async Task<Results<Ok<List<ConsentLetterResponse>>, NotFound>> History(Guid id, ConsentLetters letters, SesDbContext db,
        [AsParameters] StaffCaller caller) =>
        await Supervised(db, id, caller)
            ? TypedResults.Ok((await letters.HistoryAsync(id, caller.RequestAborted)).Select(ConsentLetterResponse.From).ToList())
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> File(Guid id, Guid letterId, ConsentLetters letters,
        [AsParameters] StaffCaller caller) =>
        await letters.FileAsync(id, letterId, caller.Bureau, caller.RequestAborted) is { } found
            ? TypedResults.File(found.Content, found.Letter.ContentType, found.Letter.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ElectronicService>, NotFound>> Electronic(Guid id, ConsentLetters letters, SesDbContext db,
        [AsParameters] StaffCaller caller) =>
        await Supervised(db, id, caller)
            ? TypedResults.Ok(await letters.ElectronicServiceAsync(id, caller.RequestAborted))
            : TypedResults.NotFound();

    private static Task<bool> Supervised(SesDbContext db, Guid id, StaffCaller caller) =>
        db.Counterparties.AnyAsync(c => c.Id == id && c.SupervisingBureau == caller.Bureau, caller.RequestAborted);
}
