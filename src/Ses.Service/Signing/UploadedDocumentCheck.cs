using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Signing;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Issuing;

namespace Ses.Service.Signing;

/// <summary>What checking an uploaded PDF found: the signatures (as <c>ses verify</c> reports them), and whether the file is one the bureau issued.</summary>
/// <param name="Report">The verification, or null when the file is not a readable PDF.</param>
/// <param name="Unreadable">Why the file could not be read.</param>
/// <param name="Sha256">The file's SHA-256 (hex).</param>
/// <param name="Issued">The bureau's issued document with exactly these bytes.</param>
/// <param name="Delivery">Its delivery record with the evidence timeline.</param>
/// <param name="SameNumber">A document of the bureau with the number read from the file, when the bytes are not those issued.</param>
public sealed record UploadedDocument(VerificationReport? Report, string? Unreadable, string Sha256, IssuedDocument? Issued, DeliveryView? Delivery,
    IssuedDocument? SameNumber);

/// <summary>
/// Legal staff's check of a PDF someone shows them: signatures, changes after signing, the number — and, when the
/// file is byte for byte one the bureau issued (its SHA-256 is in the register), the delivery record.
/// </summary>
public sealed class UploadedDocumentCheck(SigningContext signing, DocumentEngine engine, SesDbContext db, DeliveryQueries queries, TimeProvider time)
{
    public async Task<UploadedDocument> CheckAsync(byte[] pdf, string bureau, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        VerificationReport? report = null;
        string? unreadable = null;
        try
        {
            report = PdfVerifier.Verify(pdf, signing.TrustAnchors, engine.Templates.Bureaus.Select(b => b.NumberPrefix), time.GetUtcNow());
        }
        catch (InvalidDataException e)
        {
            unreadable = e.Message;
        }
        var issued = await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Bureau == bureau && d.PdfSha256 == sha, ct);
        DeliveryView? delivery = null;
        if (issued is not null)
        {
            var id = await db.Deliveries.AsNoTracking().Where(d => d.DocumentId == issued.Id).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
            if (id is { } deliveryId) delivery = await queries.OfBureauAsync(deliveryId, bureau, ct);
        }
        var sameNumber = issued is null && report?.DocumentNumber is { } number
            ? await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Bureau == bureau && d.Number == number, ct)
            : null;
        return new UploadedDocument(report, unreadable, sha, issued, delivery, sameNumber);
    }
}
