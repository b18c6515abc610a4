using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Ses.Service.Http;

/// <summary>
/// How large a JSON body may be: 1 MiB (a draft's field values with every row the templates allow fit many times
/// over), 16 MiB for a body that carries a file as base64 (a receipt scan of at most 10 MB).
/// </summary>
public static class RequestLimits
{
    public const long MaxJsonBytes = 1024 * 1024;

    public const long MaxJsonWithFileBytes = 16 * 1024 * 1024;

    /// <summary>Convention: a route that accepts a body and declares no limit gets the JSON limit.</summary>
    public static void LimitBody(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<IRequestSizeLimitMetadata>().Any()) return;
        if (endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault() is not { } accepts) return;
        var carriesFile = accepts.RequestType?.GetProperties().Any(p => p.Name.EndsWith("Base64", StringComparison.Ordinal)) == true;
        endpoint.Metadata.Add(new RequestSizeLimitAttribute(carriesFile ? MaxJsonWithFileBytes : MaxJsonBytes));
    }

    /// <summary>Middleware: a declared length over the route's limit is refused before the body is read.</summary>
    public static async Task Refuse(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is long max && http.Request.ContentLength > max)
        {
            var (code, title) = ApiErrors.ForStatus(StatusCodes.Status413PayloadTooLarge);
            await ApiErrors.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, code, $"{title}：不能超过 {max / 1024} KB");
            return;
        }
        await next(http);
    }
}
