using System.Net.Http.Headers;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;

namespace Ses.Documents.Signing.Crypto;

/// <summary>
/// Gets time-stamps from a remote RFC 3161 TSA over HTTP (RFC 3161 §3.4). Every answer is checked; any failure is a
/// <see cref="TimestampException"/>, never a silent fallback to the local clock. The call is synchronous
/// (<see cref="HttpClient.Send(HttpRequestMessage)"/>), bounded by <see cref="HttpClient.Timeout"/>.
/// </summary>
public sealed class HttpTimestampClient(Uri url, HttpClient http) : ITimestampSource
{
    private const string QueryMediaType = "application/timestamp-query";

    private readonly Uri url = url ?? throw new ArgumentNullException(nameof(url));
    private readonly HttpClient http = http ?? throw new ArgumentNullException(nameof(http));

    public string Description => $"RFC 3161 TSA at {url}";

    public byte[] GetTimestampToken(byte[] sha256Imprint)
    {
        ArgumentNullException.ThrowIfNull(sha256Imprint);
        if (sha256Imprint.Length != 32)
            throw new ArgumentException("A SHA-256 imprint is 32 bytes.", nameof(sha256Imprint));
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true); // RFC 3161 §2.4.1: ask for the TSA certificate so the token verifies alone
        var nonce = new BigInteger(1, RandomNumberGenerator.GetBytes(8)); // RFC 3161 §2.4.1: against replay
        var request = generator.Generate(NistObjectIdentifiers.IdSha256, sha256Imprint, nonce);
        var response = Parse(Post(request.GetEncoded()));
        return Check(request, response).GetEncoded(Asn1Encodable.Der);
    }

    private byte[] Post(byte[] query)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(query) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(QueryMediaType);
        try
        {
            using var answer = http.Send(message);
            if (!answer.IsSuccessStatusCode)
            {
                throw new TimestampException(
                    $"{Description} answered HTTP {(int)answer.StatusCode} {answer.ReasonPhrase}.");
            }

            using var body = answer.Content.ReadAsStream();
            using var copy = new MemoryStream();
            body.CopyTo(copy);
            return copy.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException
            or NotSupportedException)
        {
            throw new TimestampException($"{Description} is unreachable: {e.Message}", e);
        }
    }

    private TimeStampResponse Parse(byte[] der)
    {
        try
        {
            return new TimeStampResponse(der);
        }
        catch (Exception e) when (InputErrors.Is(e))
        {
            throw new TimestampException($"{Description} did not answer with a TimeStampResp.", e);
        }
    }

    private TimeStampToken Check(TimeStampRequest request, TimeStampResponse response)
    {
        // RFC 3161 §2.4.2: only granted (0) and grantedWithMods (1) carry a token
        if (response.Status is not ((int)PkiStatus.Granted or (int)PkiStatus.GrantedWithMods)
            || response.TimeStampToken is not { } token)
        {
            var failure = response.GetFailInfo()?.IntValue is { } bits ? $", failInfo bits 0x{bits:X}" : "";
            throw new TimestampException(
                $"{Description} refused the request: status {response.Status}{failure} {response.GetStatusString()}".TrimEnd() + ".");
        }
        var info = token.TimeStampInfo;
        // RFC 3161 §2.4.2: the token must be over our imprint and echo our nonce
        if (info.MessageImprintAlgOid != request.MessageImprintAlgOid
            || !info.GetMessageImprintDigest().AsSpan().SequenceEqual(request.GetMessageImprintDigest()))
        {
            throw new TimestampException($"{Description} returned a token over a different imprint.");
        }

        if (info.Nonce is null || !info.Nonce.Equals(request.Nonce))
            throw new TimestampException($"{Description} returned a token without our nonce.");

        var certificate = token.GetCertificates().EnumerateMatches(token.SignerID).FirstOrDefault()
            ?? throw new TimestampException($"{Description} returned a token without its TSA certificate.");
        if (!TsaCertificates.HasCriticalTimeStampingUsage(certificate))
        {
            throw new TimestampException(
                $"{Description}: the TSA certificate lacks critical extendedKeyUsage id-kp-timeStamping (RFC 3161 §2.3).");
        }

        try
        {
            token.Validate(certificate); // signature, ESS certificate id, validity at genTime
        }
        catch (Exception e) when (InputErrors.Is(e))
        {
            throw new TimestampException($"{Description} returned a token that does not verify: {e.Message}", e);
        }
        return token;
    }
}
