using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;

namespace Ses.Service.Evidence;

/// <summary>
/// A segment of the evidence chain exported as JSON Lines, to be verified offline (<c>ses audit verify --file</c>)
/// by someone without the database: a reconsideration body, a court, the counterparty.
/// <para>
/// Line 1 is a header: <c>format</c>, the <c>subject</c> selected, <c>from</c> and <c>to</c> (the sequence numbers
/// of the first and last entry), <c>previousHash</c> (the hash of the entry before <c>from</c>, or the genesis hash),
/// <c>head</c> (the hash of entry <c>to</c>), <c>entries</c> and <c>caseEntries</c> (how many lines follow and how
/// many of them are selected). Then one line per entry from <c>from</c> to <c>to</c>, without a gap: a selected entry
/// (<c>"case": true</c>) with every hashed field, so its hash is recomputed; any other entry of the chain in between
/// (<c>"case": false</c>) with its sequence number, previous hash and hash only — its content concerns other matters
/// and other parties and is not given away, so only its link is checked.
/// </para>
/// <para>
/// The segment runs from the first selected entry to the head of the chain when it was exported: the head is the
/// one the delivery certificates exported with it state, and the live chain can be checked to contain it
/// (<c>ses audit verify</c>). A change to a selected entry breaks its hash; removing, inserting or reordering a line
/// breaks the sequence or the links. Recomputing the hashes after a change is caught by the signed table of contents,
/// which states the file's SHA-256 and the head.
/// </para>
/// </summary>
public static class EvidenceSegment
{
    public const string Format = "ses-evidence-segment-v1";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What an exported segment covers.</summary>
    public sealed record Summary(long From, long To, string PreviousHash, string Head, long Entries, long CaseEntries);

    /// <summary>The outcome of verifying a segment: what it covers as far as it holds, and the first line that does not.</summary>
    public sealed record Verification(long From, long To, long Entries, long CaseEntries, string Head, long? BrokenAt, string? Reason)
    {
        public bool Intact => BrokenAt is null && Reason is null;
    }

    /// <summary>
    /// The segment from the first entry about one of <paramref name="subjects"/> (the first names the segment) or one of
    /// <paramref name="documentIds"/> to the head of the chain, as JSON Lines (UTF-8, one <c>\n</c> after each line);
    /// null when no entry is selected.
    /// </summary>
    public static async Task<(byte[] Jsonl, Summary Summary)?> ExportAsync(SesDbContext db, IReadOnlyList<string> subjects,
        IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        var ids = documentIds.ToList();
        var names = subjects.ToList();
        var subject = names[0];
        var head = await db.EvidenceEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var selected = await db.EvidenceEntries.AsNoTracking()
            .Where(e => e.Sequence <= head && (names.Contains(e.Subject) || (e.DocumentId != null && ids.Contains(e.DocumentId.Value))))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        if (selected.Count == 0) return null;
        var from = selected[0].Sequence;
        var links = await db.EvidenceEntries.AsNoTracking().Where(e => e.Sequence >= from && e.Sequence <= head).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.PreviousHash, e.Hash }).ToListAsync(ct);
        var full = selected.ToDictionary(e => e.Sequence);
        var summary = new Summary(from, links[^1].Sequence, links[0].PreviousHash, links[^1].Hash, links.Count, selected.Count);

        var text = new StringBuilder();
        Line(new
        {
            format = Format, subject, from, to = summary.To, previousHash = summary.PreviousHash, head = summary.Head, entries = summary.Entries,
            caseEntries = summary.CaseEntries,
        });
        foreach (var link in links)
        {
            if (full.TryGetValue(link.Sequence, out var e))
            {
                Line(new
                {
                    sequence = e.Sequence, @case = true, @event = e.Event, action = e.Action, documentId = e.DocumentId?.ToString("D"),
                    deliveryId = e.DeliveryId?.ToString("D"), subject = e.Subject, pdfSha256 = e.PdfSha256, actor = e.Actor, atUtc = e.AtUtc,
                    atBeijing = e.AtBeijing, detail = e.Detail, previousHash = e.PreviousHash, hash = e.Hash,
                });
            }
            else
            {
                Line(new { sequence = link.Sequence, @case = false, previousHash = link.PreviousHash, hash = link.Hash });
            }
        }
        return (Encoding.UTF8.GetBytes(text.ToString()), summary);

        void Line(object value) => text.Append(JsonSerializer.Serialize(value, Json)).Append('\n');
    }

    /// <summary>
    /// Verifies an exported segment line by line. A file that is not a segment at all (no header of this format)
    /// throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static Verification Verify(TextReader reader)
    {
        var (from, to, previous, head, entries, caseEntries) = Header(reader.ReadLine());
        long expected = from, count = 0, ofTheCase = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            var (hash, isCase, reason) = Check(line, expected, previous);
            if (reason is not null) return new Verification(from, expected - 1, count, ofTheCase, previous, expected, reason);
            previous = hash!;
            if (isCase) ofTheCase++;
            expected++;
            count++;
        }
        var last = expected - 1;
        string? end = null;
        if (count != entries) end = $"文件头载明 {entries} 条，实有 {count} 条（有记录被删除或插入）";
        else if (last != to) end = $"文件头载明至第 {to} 条，实至第 {last} 条";
        else if (previous != head) end = $"文件头载明的链头 {head} 与最后一条的哈希 {previous} 不符";
        else if (ofTheCase != caseEntries) end = $"文件头载明本案记录 {caseEntries} 条，实有 {ofTheCase} 条";
        return end is null
            ? new Verification(from, last, count, ofTheCase, previous, null, null)
            : new Verification(from, last, count, ofTheCase, previous, null, end);
    }

    private static (long From, long To, string PreviousHash, string Head, long Entries, long CaseEntries) Header(string? line)
    {
        try
        {
            using var json = JsonDocument.Parse(line ?? "");
            var h = json.RootElement;
            if (h.ValueKind != JsonValueKind.Object || !h.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                || format.GetString() != Format)
            {
                throw new InvalidDataException($"第一行应为格式 {Format} 的文件头");
            }
            return (h.GetProperty("from").GetInt64(), h.GetProperty("to").GetInt64(), h.GetProperty("previousHash").GetString()!,
                h.GetProperty("head").GetString()!, h.GetProperty("entries").GetInt64(), h.GetProperty("caseEntries").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"第一行应为格式 {Format} 的文件头");
        }
    }

    /// <summary>One entry line: its hash and whether it is the case's, or why it does not hold.</summary>
    private static (string? Hash, bool Case, string? Reason) Check(string line, long expected, string previous)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            var sequence = e.GetProperty("sequence").GetInt64();
            if (sequence != expected) return (null, false, $"应为第 {expected} 条，实为第 {sequence} 条（有记录缺失、插入或次序被改动）");
            var stated = e.GetProperty("previousHash").GetString();
            if (stated != previous) return (null, false, $"第 {expected} 条所载前一条哈希 {stated} 与前一条的哈希 {previous} 不符");
            var hash = e.GetProperty("hash").GetString() ?? "";
            if (!e.GetProperty("case").GetBoolean())
            {
                return hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) ? (hash, false, null) : (null, false, $"第 {expected} 条的哈希不是 SHA-256 值");
            }
            var entry = new EvidenceEntry
            {
                Sequence = sequence, Event = Text(e, "event"), Action = Text(e, "action"), DocumentId = Id(e, "documentId"),
                DeliveryId = Id(e, "deliveryId"), Subject = Text(e, "subject"), PdfSha256 = Text(e, "pdfSha256"), Actor = Text(e, "actor"),
                AtUtc = Text(e, "atUtc"), AtBeijing = Text(e, "atBeijing"), Detail = Text(e, "detail"), PreviousHash = stated, Hash = hash,
            };
            var computed = EvidenceLog.HashOf(entry);
            return computed == hash ? (hash, true, null) : (null, true, $"第 {expected} 条所载哈希 {hash}，按其内容重算为 {computed}（记录被改动）");
        }
        catch (Exception x) when (x is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, false, $"第 {expected} 条不是完整的证据记录（缺少字段或格式错误）");
        }
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? throw new FormatException(name);

    /// <summary>An id as the chain hashes it (lower-case, with hyphens); any other spelling is not the entry's.</summary>
    private static Guid? Id(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        var text = v.GetString()!;
        var id = Guid.ParseExact(text, "D");
        return id.ToString("D") == text ? id : throw new FormatException(name);
    }
}
