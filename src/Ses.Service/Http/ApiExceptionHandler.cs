using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Ses.Documents.Validation;
using Ses.Service.Storage;

namespace Ses.Service.Http;

/// <summary>
/// The exceptions of API requests as problem details, in one place: what the binding refuses (400, 413, 415 with the
/// reason's code), a full disk (503 <c>storage.full</c>), anything else a 500 without internals. Pages have their own
/// error page.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Pages.PagesSetup.IsApi(httpContext) || httpContext.Response.HasStarted) return false;
        if (exception is BadHttpRequestException bad) return await BadRequestAsync(httpContext, bad);
        if (StorageFull.Is(exception))
        {
            LogStorageFull(log, exception);
            return await ApiErrors.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, StorageFull.Code, StorageFull.Title);
        }
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested) return true;
        LogFailure(log, exception, httpContext.Request.Method, httpContext.Request.Path);
        var (code, title) = ApiErrors.ForStatus(StatusCodes.Status500InternalServerError);
        return await ApiErrors.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, code, title);
    }

    private static ValueTask<bool> BadRequestAsync(HttpContext http, BadHttpRequestException bad)
    {
        if (bad.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
        {
            var (code, title) = ApiErrors.ForStatus(bad.StatusCode);
            return ApiErrors.WriteAsync(http, bad.StatusCode, code, title);
        }
        if (bad.InnerException is JsonException json)
        {
            var at = json.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : null;
            return ApiErrors.WriteAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.RequestJsonMalformed,
                "请求内容不是有效的 JSON，或数据类型与接口不符" + (string.IsNullOrEmpty(at) ? "" : $"（位置：{at}）"),
                at is null ? null : new Dictionary<string, object?> { ["field"] = at });
        }
        // The binder's messages (RequestDelegateFactory): a body that is missing, empty or JSON null, or a route or query
        // value of the wrong type.
        var message = bad.Message;
        if (message.StartsWith("Failed to bind parameter", StringComparison.Ordinal)
            || (message.StartsWith("Required parameter", StringComparison.Ordinal) && !message.EndsWith("from body.", StringComparison.Ordinal)))
        {
            var name = ParameterName(message);
            return ApiErrors.WriteAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.RequestQueryInvalid,
                name is null ? "查询参数无效" : $"查询参数「{name}」的值无效", name is null ? null : new Dictionary<string, object?> { ["field"] = name });
        }
        if (message.Contains("body", StringComparison.Ordinal))
        {
            return ApiErrors.WriteAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.RequestBodyMissing, "缺少请求内容：应为 JSON 对象");
        }
        var (c, t) = ApiErrors.ForStatus(StatusCodes.Status400BadRequest);
        return ApiErrors.WriteAsync(http, StatusCodes.Status400BadRequest, c, t);
    }

    /// <summary>The parameter's name in <c>Failed to bind parameter "int? year" from "abc".</c></summary>
    private static string? ParameterName(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end < 0) return null;
        var declaration = message[(start + 1)..end];
        return declaration[(declaration.LastIndexOf(' ') + 1)..];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storage is full: a write was refused")]
    private static partial void LogStorageFull(ILogger logger, Exception exception);
}
