using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Observability;

namespace Ses.Service.Signing;

/// <summary>Signing configuration, checked at start-up, and the in-process timestamp authority's endpoint.</summary>
public static class SigningSetup
{
    public static WebApplicationBuilder AddSigning(this WebApplicationBuilder builder)
    {
        var options = new SigningOptions();
        builder.Configuration.GetSection(SigningOptions.Section).Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddHttpClient(nameof(SigningContext), c => c.Timeout = TimeSpan.FromSeconds(20)).AddHttpMessageHandler<TimestampTiming>();
        builder.Services.AddSingleton(sp => SigningContext.Create(
            options,
            SigningContext.DevelopmentDirectory(options, sp.GetRequiredService<DocumentEngine>().Templates.Root),
            sp.GetRequiredService<DocumentEngine>().Templates,
            sp.GetRequiredService<TimeProvider>(),
            allowDevelopment: builder.Environment.IsDevelopment(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SigningContext))));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UnitSeals>();
        return builder;
    }

    /// <summary>Builds the signing context now, so a wrong setting stops start-up with a message naming the key.</summary>
    public static WebApplication UseSigning(this WebApplication app)
    {
        var context = app.Services.GetRequiredService<SigningContext>();
        app.Logger.LogSigning(context.Description);
        return app;
    }

    /// <summary>
    /// The in-process TSA over HTTP: only with the development certificates (404 otherwise), and only for signed-in,
    /// active staff — it is not an open timestamping service for the world (a token it grants carries the TSA's
    /// signature, which <c>ses verify</c> trusts as the development root's).
    /// </summary>
    public static IEndpointRouteBuilder MapTimestampAuthority(this IEndpointRouteBuilder app)
    {
        var tsa = app.MapStaffGroup("/tsa").WithTags("Signing");
        tsa.MapPost("", Respond).WithName("Timestamp")
            .WithSummary("RFC 3161 timestamp authority (development, signed-in staff): application/timestamp-query in, application/timestamp-reply out")
            .Accepts<byte[]>("application/timestamp-query").DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> Respond(HttpRequest request, SigningContext signing)
    {
        if (signing.LocalTsa is null) return Http.ApiProblems.Of(StatusCodes.Status404NotFound, ErrorCodes.TsaOff, "本服务未提供时间戳服务");
        if (!string.Equals(request.ContentType, "application/timestamp-query", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(title: "请求类型应为 application/timestamp-query", statusCode: StatusCodes.Status415UnsupportedMediaType,
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.TsaContentType });
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        // RFC 3161 §3.4: the reply (granted or a rejection with its failure info) goes back as timestamp-reply.
        return TypedResults.Bytes(signing.LocalTsa.Respond(body.ToArray()), "application/timestamp-reply");
    }
}
