using System.Net;

namespace Ses.Documents.Tests.Signing.Crypto;

/// <summary>An HTTP server in a delegate; supports the synchronous Send that <c>HttpTimestampClient</c> uses.</summary>
internal sealed class StubHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<string?> ContentTypes { get; } = [];

    public static StubHttpHandler Body(HttpStatusCode status, byte[] body, string mediaType) => new(_ =>
        new HttpResponseMessage(status)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new(mediaType) } },
        });

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ContentTypes.Add(request.Content?.Headers.ContentType?.MediaType);
        return answer(request);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken) => Task.FromResult(Send(request, cancellationToken));
}
