using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Idempotency;

/// <summary>
/// A POST carrying <c>Idempotency-Key</c> runs once per caller and key. The first request claims the key in the
/// database and its answer is kept; a retry with the same key, on any instance, gets that answer again (with
/// <c>Idempotent-Replayed: true</c>) and nothing runs twice. While the first still runs a retry is answered at once with
/// 409 <c>request.in-progress</c> and <c>Retry-After</c> — not held waiting on a connection. The same key with another
/// route or body is 422 <c>idempotency.key-reused</c>. A server error (5xx) or an exception keeps nothing: the key is
/// released and a retry runs again. Without the header the request runs as always.
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values)) return await next(context);
        var key = values.ToString();
        if (values.Count != 1 || !IdempotencyKey.IsValid(key))
        {
            return ApiProblems.Invalid([new Problem(IdempotencyKey.Header, ErrorCodes.IdempotencyKeyInvalid,
                $"请求头「{IdempotencyKey.Header}」应为 1 至 {IdempotencyKey.MaxLength} 个可见 ASCII 字符")]);
        }
        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var (outcome, earlier) = await store.ClaimAsync(Caller(http.User), key, await FingerprintAsync(http.Request), http.RequestAborted);
        switch (outcome)
        {
            case ClaimOutcome.Answered:
                await ReplayAsync(http, earlier);
                return Results.Empty;
            case ClaimOutcome.Running:
                http.Response.Headers.RetryAfter = "1";
                return ApiProblems.Conflict(ErrorCodes.RequestInProgress, "同一请求（相同的幂等键）正在处理，请稍后重试；不会重复办理");
            case ClaimOutcome.OtherRequest:
                return ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyReused, "该幂等键已用于另一请求，请换用新的键");
        }
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.ReleaseAsync(earlier.Id);
            throw;
        }
        return await KeepAsync(http, store, earlier.Id, result);
    }

    /// <summary>Writes the handler's answer to a buffer, keeps it (or releases the key on a server error), then sends it.</summary>
    private static async Task<object?> KeepAsync(HttpContext http, IdempotencyStore store, Guid id, object? result)
    {
        if (result is not IResult answer)
        {
            await store.ReleaseAsync(id);
            return result;
        }
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await answer.ExecuteAsync(http);
        }
        catch
        {
            http.Response.Body = original;
            await store.ReleaseAsync(id);
            throw;
        }
        http.Response.Body = original;
        var body = buffer.ToArray();
        var status = http.Response.StatusCode;
        if (status >= StatusCodes.Status500InternalServerError) await store.ReleaseAsync(id);
        else await store.CompleteAsync(id, status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, body);
        await original.WriteAsync(body, http.RequestAborted);
        return Results.Empty;
    }

    private static async Task ReplayAsync(HttpContext http, IdempotentRequest earlier)
    {
        http.Response.StatusCode = earlier.Status!.Value;
        if (earlier.ContentType is { } type) http.Response.ContentType = type;
        if (earlier.Location is { } location) http.Response.Headers.Location = location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (earlier.Body is { Length: > 0 } body) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static string Caller(ClaimsPrincipal user) => $"{user.FindFirstValue(SesClaims.Kind)}:{user.UserId()}";

    /// <summary>SHA-256 of method, path, query and body (buffered for this by <see cref="IdempotencySetup.UseIdempotency"/>).</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        var body = Array.Empty<byte>();
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
            body = copy.ToArray();
            request.Body.Position = 0;
        }
        return Fingerprint(request.Method, $"{request.Path}{request.QueryString}", body);
    }

    internal static string Fingerprint(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
