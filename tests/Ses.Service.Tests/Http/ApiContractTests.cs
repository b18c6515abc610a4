using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ses.Service.Tests.Http;

/// <summary>
/// Every API handler declares its answers (<c>Results&lt;…&gt;</c> / TypedResults), so the OpenAPI document tells the
/// truth: serving answers 201, 400, 404 or 409 and is documented so.
/// </summary>
public sealed class ApiContractTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApi_Serving_Lists201_400_404_409()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var responses = document.GetProperty("paths").GetProperty("/api/documents/{id}/serve").GetProperty("post").GetProperty("responses");
        var statuses = responses.EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "201", "400", "404", "409" }, statuses);
        // The caller ([AsParameters] StaffCaller) comes from the request, not from parameters a client sends.
        var parameters = document.GetProperty("paths").GetProperty("/api/documents/{id}/serve").GetProperty("post").GetProperty("parameters");
        Assert.Equal(["id"], parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task OpenApi_RecordingThePaperDelivery_AndConfirming_ListTheirRefusals()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");
        Assert.Superset(new HashSet<string> { "200", "400", "404", "409" }, Statuses(paths, "/api/deliveries/{id}/paper", "post"));
        Assert.Superset(new HashSet<string> { "200", "404", "409" }, Statuses(paths, "/api/my/deliveries/{id}/confirm", "post"));
        Assert.Superset(new HashSet<string> { "201", "400", "404", "409", "503" }, Statuses(paths, "/api/drafts/{id}/issue", "post"));
    }

    [Fact]
    public void EveryApiHandler_DeclaresItsResults_AndItsSuccess()
    {
        var failures = new List<string>();
        foreach (var endpoint in ApiEndpoints(factory))
        {
            var name = $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {endpoint.RoutePattern.RawText}";
            var handler = endpoint.Metadata.OfType<MethodInfo>().LastOrDefault();
            if (handler is null)
            {
                failures.Add($"{name}: no handler method");
                continue;
            }
            var returned = Unwrapped(handler.ReturnType);
            if (returned == typeof(IResult) || returned == typeof(object)) failures.Add($"{name}: {handler.Name} returns plain {returned.Name}");
            var statuses = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToList();
            if (!statuses.Any(s => s is >= 200 and < 300)) failures.Add($"{name}: no success status in its metadata ({string.Join(",", statuses)})");
        }
        Assert.Empty(failures);
    }

    internal static IReadOnlyList<RouteEndpoint> ApiEndpoints(DevelopmentServiceFactory factory)
    {
        factory.CreateClient().Dispose();
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                || e.RoutePattern.RawText?.StartsWith("/public/", StringComparison.Ordinal) == true)
            .ToList();
    }

    private static HashSet<string> Statuses(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();

    private static Type Unwrapped(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;
}
