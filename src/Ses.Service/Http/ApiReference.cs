using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ses.Service.Http;

/// <summary>The OpenAPI document at /openapi/v1.json and a plain, server-rendered reference page at /api-reference.</summary>
public static class ApiReference
{
    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        return builder;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapGet("/api-reference", (EndpointDataSource sources) => TypedResults.Content(Page(sources), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }

    private static string Page(EndpointDataSource sources)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>SES Documents API</title><style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            code{background:#f3f3f3;padding:0 .2rem}td,th{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ddd}</style></head>
            <body><h1>SES Documents API</h1><p>机器可读的 OpenAPI 文档：<a href="/openapi/v1.json">/openapi/v1.json</a></p>
            <table><thead><tr><th>方法</th><th>路径</th><th>分组</th><th>说明</th></tr></thead><tbody>
            """);
        var rows = sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .Select(e => (
                Methods: string.Join(" ", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []),
                Path: e.RoutePattern.RawText ?? "",
                Tags: string.Join(" ", e.Metadata.GetMetadata<ITagsMetadata>()?.Tags ?? []),
                Summary: e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? ""))
            .OrderBy(r => r.Path, StringComparer.Ordinal);
        foreach (var r in rows)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(r.Methods)).Append("</td><td><code>").Append(WebUtility.HtmlEncode(r.Path))
                .Append("</code></td><td>").Append(WebUtility.HtmlEncode(r.Tags))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(r.Summary)).Append("</td></tr>");
        }
        return html.Append("</tbody></table></body></html>").ToString();
    }
}
