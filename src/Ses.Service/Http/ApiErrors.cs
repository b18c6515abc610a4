using Microsoft.AspNetCore.Mvc;
using Ses.Documents.Validation;

namespace Ses.Service.Http;

/// <summary>
/// Every error answer of the API is problem details with a stable <c>code</c> and a Chinese <c>title</c>, in every
/// environment: bad requests that the binding refuses (malformed JSON, a missing body, a bad query value), bare
/// 401/403/404 answers, too large bodies, a full disk and bugs.
/// </summary>
public static class ApiErrors
{
    public static WebApplicationBuilder AddApiErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Customize);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Bad requests are exceptions in every environment, so the one handler answers them (Development's default
        // was to throw them as 500s, Production's to answer an empty 400).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>
    /// The API's routes, all mapped inside this group: bodies are checked once after binding (<see cref="RequestChecks"/>)
    /// and JSON bodies are bounded in size.
    /// </summary>
    public static RouteGroupBuilder MapApi(this WebApplication app)
    {
        var api = app.MapGroup("");
        api.AddEndpointFilterFactory(RequestChecks.Filter);
        ((IEndpointConventionBuilder)api).Finally(RequestLimits.LimitBody);
        return api;
    }

    /// <summary>Answers a JSON body larger than its route allows with 413 before it is read (Kestrel also enforces it while reading).</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(RequestLimits.Refuse);
        return app;
    }

    /// <summary>The code and Chinese title of a status that no handler described.</summary>
    public static (string Code, string Title) ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (ErrorCodes.RequestInvalid, "请求无效"),
        StatusCodes.Status401Unauthorized => (ErrorCodes.AuthRequired, "请先登录"),
        StatusCodes.Status403Forbidden => (ErrorCodes.AuthForbidden, "没有权限执行此操作"),
        StatusCodes.Status404NotFound => (ErrorCodes.NotFound, "没有找到"),
        StatusCodes.Status405MethodNotAllowed => (ErrorCodes.RequestMethod, "不支持此请求方法"),
        StatusCodes.Status406NotAcceptable => (ErrorCodes.RequestNotAcceptable, "无法提供所要求的格式"),
        StatusCodes.Status409Conflict => (ErrorCodes.Conflict, "与现有数据冲突"),
        StatusCodes.Status413PayloadTooLarge => (ErrorCodes.RequestTooLarge, "请求内容过大"),
        StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.RequestMediaType, "请求内容应为 JSON（Content-Type: application/json）"),
        StatusCodes.Status429TooManyRequests => (ErrorCodes.RequestTooMany, "请求过于频繁，请稍后再试"),
        StatusCodes.Status503ServiceUnavailable => (ErrorCodes.ServiceUnavailable, "服务暂时不可用，请稍后再试"),
        >= 500 => (ErrorCodes.ServerError, "服务器内部错误，请稍后再试或联系管理员"),
        _ => (ErrorCodes.RequestInvalid, "请求无效"),
    };

    /// <summary>Writes a problem with its code (the answer's status is set here).</summary>
    public static ValueTask<bool> WriteAsync(HttpContext http, int status, string code, string title, IDictionary<string, object?>? extensions = null)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Type = ApiProblems.TypeBase + code };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>A problem without a code (a bare status, a validation problem written elsewhere) gets the code of its status.</summary>
    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.Remove("exception");
        if (problem.Extensions.ContainsKey("code")) return;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (code, title) = problem is HttpValidationProblemDetails ? (ErrorCodes.Validation, "数据无效") : ForStatus(status);
        problem.Extensions["code"] = code;
        problem.Type = ApiProblems.TypeBase + code;
        if (problem.Title is null || !problem.Title.Any(c => c is >= '\u4E00' and <= '\u9FFF')) problem.Title = title;
        // Framework details are English and internal; the title says what happened.
        if (problem.Detail is not null && !problem.Detail.Any(c => c is >= '\u4E00' and <= '\u9FFF')) problem.Detail = null;
    }
}
