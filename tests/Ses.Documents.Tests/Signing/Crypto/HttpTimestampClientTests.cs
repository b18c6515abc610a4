using System.Net;
using System.Security.Cryptography;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using Ses.Documents.Signing.Crypto;

namespace Ses.Documents.Tests.Signing.Crypto;

public sealed class HttpTimestampClientTests(DevelopmentPki pki)
{
    private static readonly Uri Url = new("https://tsa.example.test/tsr");
    private static readonly byte[] Imprint = SHA256.HashData("signature value"u8);

    private static HttpTimestampClient Client(StubHttpHandler handler) => new(Url, new HttpClient(handler));

    private StubHttpHandler LocalTsaOverHttp(Func<byte[], byte[]>? tamper = null)
    {
        var tsa = pki.Tsa();
        return new StubHttpHandler(request =>
        {
            var query = request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            var reply = tsa.Respond(query);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new ByteArrayContent(tamper is null ? reply : tamper(reply))
                {
                    Headers = { ContentType = new("application/timestamp-reply") },
                },
            };
        });
    }

    [Fact]
    public void GetTimestampToken_LocalTsaBehindHttp_ReturnsTokenOverImprint()
    {
        var handler = LocalTsaOverHttp();

        var token = new TimeStampToken(new CmsSignedData(Client(handler).GetTimestampToken(Imprint)));

        Assert.Equal(["application/timestamp-query"], handler.ContentTypes);
        Assert.Equal(Imprint, token.TimeStampInfo.GetMessageImprintDigest());
        Assert.NotNull(token.TimeStampInfo.Nonce);
        Assert.Equal(FixedTimeProvider.Default.UtcDateTime, token.TimeStampInfo.GenTime);
    }

    [Fact]
    public void Sign_WithHttpTsa_VerifiesLikeLocalTsa()
    {
        var content = RandomNumberGenerator.GetBytes(1000);

        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, Client(LocalTsaOverHttp()));

        Assert.Empty(CadesVerifier.Verify(cms, new MemoryStream(content), [pki.Set.Root]).Problems);
    }

    [Fact]
    public void GetTimestampToken_Http500_ThrowsTimestampException()
    {
        var client = Client(StubHttpHandler.Body(HttpStatusCode.InternalServerError, [], "text/plain"));

        var error = Assert.Throws<TimestampException>(() => client.GetTimestampToken(Imprint));
        Assert.Contains("HTTP 500", error.Message);
        Assert.Contains(Url.ToString(), error.Message);
    }

    [Fact]
    public void GetTimestampToken_GarbageBody_ThrowsTimestampException()
    {
        var client = Client(StubHttpHandler.Body(HttpStatusCode.OK, "<html>hello</html>"u8.ToArray(), "text/html"));

        var error = Assert.Throws<TimestampException>(() => client.GetTimestampToken(Imprint));
        Assert.Contains("TimeStampResp", error.Message);
    }

    [Fact]
    public void GetTimestampToken_Unreachable_ThrowsTimestampException()
    {
        var client = Client(new StubHttpHandler(_ => throw new HttpRequestException("Connection refused")));

        var error = Assert.Throws<TimestampException>(() => client.GetTimestampToken(Imprint));
        Assert.Contains("unreachable", error.Message);
    }

    [Fact]
    public void GetTimestampToken_Rejection_ThrowsTimestampExceptionWithStatus()
    {
        var tsa = pki.Tsa();
        // Answer every query with the TSA's reply to a malformed one: a rejection
        var client = Client(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(tsa.Respond([0x30, 0x00])),
        }));

        var error = Assert.Throws<TimestampException>(() => client.GetTimestampToken(Imprint));
        Assert.Contains("refused", error.Message);
        Assert.Contains("status 2", error.Message);
    }

    [Fact]
    public void GetTimestampToken_TokenForAnotherRequest_ThrowsTimestampException()
    {
        var tsa = pki.Tsa();
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var otherReply = tsa.Respond(generator.Generate(TspAlgorithms.Sha256, SHA256.HashData("other"u8)).GetEncoded());
        var client = Client(StubHttpHandler.Body(HttpStatusCode.OK, otherReply, "application/timestamp-reply"));

        var error = Assert.Throws<TimestampException>(() => client.GetTimestampToken(Imprint));
        Assert.Contains("different imprint", error.Message);
    }

    [Fact]
    public void GetTimestampToken_TokenWithoutNonce_ThrowsTimestampException()
    {
        var tsa = pki.Tsa();
        // A replayed token: same imprint, but answering a request that carried no nonce
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var replay = tsa.Respond(generator.Generate(TspAlgorithms.Sha256, Imprint).GetEncoded());
        var client = Client(StubHttpHandler.Body(HttpStatusCode.OK, replay, "application/timestamp-reply"));

        var error = Assert.Throws<TimestampException>(() => client.GetTimestampToken(Imprint));
        Assert.Contains("nonce", error.Message);
    }

    [Fact]
    public void GetTimestampToken_TokenSignatureBroken_ThrowsTimestampException()
    {
        // Flip a byte near the end of the DER reply: inside the token's signature value
        var client = Client(LocalTsaOverHttp(reply =>
        {
            var copy = (byte[])reply.Clone();
            copy[^10] ^= 0xFF;
            return copy;
        }));

        var error = Assert.Throws<TimestampException>(() => client.GetTimestampToken(Imprint));
        Assert.Contains("does not verify", error.Message);
    }
}
