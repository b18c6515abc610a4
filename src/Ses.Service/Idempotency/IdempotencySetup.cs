using Ses.Service.Data;

namespace Ses.Service.Idempotency;

/// <summary>Idempotency keys for the POSTs that must never run twice (issuing, serving): <see cref="IdempotencyFilter"/>.</summary>
public static class IdempotencySetup
{
    public static WebApplicationBuilder AddIdempotency(this WebApplicationBuilder builder)
    {
        var options = new IdempotencyOptions();
        builder.Configuration.GetSection(IdempotencyOptions.Section).Bind(options);
        if (options.LeaseSeconds <= 0)
        {
            throw new ConfigurationProblemException($"Idempotency:LeaseSeconds must be a positive number of seconds, not '{options.LeaseSeconds}'");
        }
        if (options.RetentionHours <= 0 || options.PurgeMinutes <= 0)
        {
            throw new ConfigurationProblemException(
                $"Idempotency:RetentionHours and Idempotency:PurgeMinutes must be positive, not '{options.RetentionHours}' and '{options.PurgeMinutes}'");
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IdempotencyStore>();
        return builder;
    }

    /// <summary>Keeps the body of a keyed POST readable after binding, so that its fingerprint covers it.</summary>
    public static WebApplication UseIdempotency(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.ContainsKey(IdempotencyKey.Header)) http.Request.EnableBuffering();
            return next(http);
        });
        return app;
    }

    /// <summary>The route honours <c>Idempotency-Key</c> (documented in the OpenAPI answers: 409 while it runs, 422 for a reused key).</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter<IdempotencyFilter>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
