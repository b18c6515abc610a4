using Ses.Documents.Validation;

namespace Ses.Service.Http;

/// <summary>
/// An expected refusal, as a value, for every feature: the HTTP status the API answers with, a stable code
/// (<see cref="ErrorCodes"/>) and the Chinese reason, or the field problems. Services return it beside the value they
/// would have produced — <c>(T? Value, Refusal? Refused)</c> — the API maps it once (<see cref="ApiProblems.From{TOk}"/>)
/// and the pages show the same message (<see cref="Pages.PageRefusals"/>). Exceptions are for bugs and broken
/// infrastructure.
/// </summary>
public sealed record Refusal(int Status, string Code, string Message, IReadOnlyList<Problem> Problems)
{
    public static readonly Refusal NotFound = new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "没有找到", []);

    /// <summary>Whether the API answers it as a bare 404 (the pages with their not-found page).</summary>
    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    /// <summary>Not found, with the reason a page may show (the API answers a bare 404 all the same).</summary>
    public static Refusal Unknown(string code, string message) => new(StatusCodes.Status404NotFound, code, message, []);

    public static Refusal Conflict(string code, string message) => new(StatusCodes.Status409Conflict, code, message, []);

    public static Refusal Forbidden(string code, string message) => new(StatusCodes.Status403Forbidden, code, message, []);

    /// <summary>Something the request needs is not available now (the timestamp authority, the bureau's key).</summary>
    public static Refusal Unavailable(string code, string message) => new(StatusCodes.Status503ServiceUnavailable, code, message, []);

    public static Refusal Invalid(IReadOnlyList<Problem> problems) => new(StatusCodes.Status400BadRequest, ErrorCodes.Validation, "数据无效", problems);

    public static Refusal Invalid(string field, string code, string message) => Invalid([new Problem(field, code, message)]);
}
