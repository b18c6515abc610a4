using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Cli;
using Ses.Service.Data;
using Ses.Service.Evidence;
using UglyToad.PdfPig;

namespace Ses.Service.Tests.Cases;

/// <summary>
/// The case file (案卷) submitted in reconsideration or litigation (行政复议法第四十八条、行政诉讼法第六十七条): one ZIP
/// with the signed table of contents, every document byte for byte as signed (电子签名法第五条), the delivery
/// certificates and receipt, the files of the steps, the evidence chain segment and the manifest — each checked
/// offline by the real <c>ses</c> program and by poppler and qpdf.
/// </summary>
public sealed class CaseFileTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Collection = new
    {
        legalRepresentative = new { name = "周某", idValue = "610113197805120038", phone = "13991234567" },
    };

    [Fact]
    public async Task CaseFile_OfAnEnteredCase_HoldsEveryDocumentAsSigned_WithCertificatesEvidenceAndManifest_AllVerifiableOffline()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "xibei");
        var id = await world.OpenAsync();
        var path = $"/api/cases/{id}";
        // Another bureau's case, opened meanwhile: its evidence lies inside this case's segment of the chain.
        var other = await CaseWorld.CreateAsync(factory, "huabei");
        var otherId = await other.OpenAsync("其他案件的事由");
        await CaseWorld.Step(world.Officer, $"{path}/collection", Collection);
        await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = true });
        var view = await CaseWorld.Step(world.Officer, $"{path}/notice", new { });
        factory.Clock.Now = TestClock.Beijing(2026, 10, 20);
        await world.Delivery.RunJobAsync();
        await world.SignInAsync();
        await CaseWorld.Step(world.Officer, $"{path}/no-statement");
        await CaseWorld.Step(world.Officer, $"{path}/meeting", new { heldOn = "2026-10-20", kind = "bureau", minutes = TwoPagePdf(), minutesName = "纪要.pdf" });
        view = await CaseWorld.Step(world.Officer, $"{path}/decision", new { });
        var paper = await world.Officer.PostAsJsonAsync($"/api/deliveries/{await world.DeliveryOfAsync(view, "decision")}/paper", new
        {
            deliveredOn = "2026-10-20", method = "EMS", trackingNumber = "EA123456789CN", signedBy = "周某",
            receiptBase64 = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), receiptName = "回证.png",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        factory.Clock.Now = TestClock.Beijing(2026, 10, 22);
        await world.SignInAsync();
        await CaseWorld.Step(world.Officer, $"{path}/transfer", new { });
        view = await CaseWorld.Step(world.Legal, $"/api/entries/{id}", new { });
        var documents = view.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("documentId").ValueKind == JsonValueKind.String)
            .Select(s => (Id: s.GetProperty("documentId").GetString()!, Number: s.GetProperty("documentNumber").GetString()!)).ToList();
        Assert.Equal(2, documents.Count);

        var response = await world.Legal.GetAsync($"{path}/file", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("案卷-西域通用航空有限公司-2026-10-22.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        var folder = Directory.CreateTempSubdirectory("ses-casefile-").FullName;
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        zip.ExtractToDirectory(folder);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(
        [
            "00-卷内目录.pdf", "01-民航行业严重失信行为信息采集单（组织）.pdf", $"02-民航行业严重失信行为认定告知书（组织）-{documents[0].Number}.pdf",
            $"03-送达证明-{documents[0].Number}.pdf", "04-会议纪要（局务会）.pdf", $"05-民航行业严重失信行为认定决定书（组织）-{documents[1].Number}.pdf",
            $"06-送达证明-{documents[1].Number}.pdf", $"07-送达回证（扫描件）-{documents[1].Number}.png", "08-严重失信行为信息移送单.pdf",
            "evidence.jsonl", "manifest.json",
        ], names);
        Assert.DoesNotContain(names, n => n.Contains(id, StringComparison.OrdinalIgnoreCase));

        // The manifest states the SHA-256 of every other file.
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("sha256").GetString()!);
        Assert.Equal(names.SkipLast(1), listed.Keys);
        foreach (var (name, sha) in listed) Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, name)))));

        // Each document is the stored signed PDF, byte for byte.
        for (var i = 0; i < documents.Count; i++)
        {
            var stored = await world.Officer.GetByteArrayAsync($"/api/documents/{documents[i].Id}/pdf", Ct);
            Assert.Equal(stored, File.ReadAllBytes(Path.Combine(folder, names[i == 0 ? 2 : 5])));
        }

        // The table of contents: the heading and, in timeline order, every file with its number, date, pages and hash.
        var contents = File.ReadAllBytes(Path.Combine(folder, names[0]));
        using (var pdf = PdfDocument.Open(contents))
        {
            var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("卷内目录", text);
            foreach (var expected in new[] { "西域通用航空有限公司", "未按规定向旅客提供航班延误服务", "立案日期", "2026年9月30日", "序号", "文件名称", "文号", "日期", "页数" })
            {
                Assert.Contains(expected, text);
            }
            Assert.True(text.IndexOf(documents[0].Number, StringComparison.Ordinal) < text.IndexOf("会议纪要（局务会）", StringComparison.Ordinal));
            Assert.True(text.IndexOf("会议纪要（局务会）", StringComparison.Ordinal) < text.IndexOf(documents[1].Number, StringComparison.Ordinal));
            foreach (var (name, sha) in listed.Where(l => l.Key != names[0])) Assert.Contains(sha, text);
            // A row: 序号, 文件名称 with the file and its hash, 文号 (none for the minutes), 日期, 页数 (the minutes have 2 pages).
            Assert.Contains($"04会议纪要（局务会）文件：04-会议纪要（局务会）.pdfSHA-256：{listed[names[4]]}—2026年10月20日2", text);
            Assert.Contains($"{documents[1].Number}.pdfSHA-256：{listed[names[5]]}{documents[1].Number}2026年10月20日", text);
            Assert.DoesNotContain(id, text, StringComparison.OrdinalIgnoreCase);
        }

        // Every PDF the bureau or its units signed (the collection form and the transfer slip, by the department) verifies
        // offline with the ses program; poppler and qpdf agree.
        var certs = new Dictionary<string, string> { ["Signing__DevelopmentCertificatesPath"] = Path.Combine(factory.Folder, "certs") };
        foreach (var name in new[] { names[0], names[1], names[2], names[3], names[5], names[6], names[8] })
        {
            var (exit, output) = SesProcess.Run(folder, certs, "verify", Path.Combine(folder, name), "--json");
            Assert.True(exit == 0, $"{name}: {output}");
        }
        foreach (var name in new[] { names[0], names[1], names[5], names[8] })
        {
            var (exit, output) = Tool("pdfsig", "poppler-utils", Path.Combine(folder, name));
            Assert.True(exit == 0, output);
            Assert.Contains("Signature Validation: Signature is Valid.", output);
            (exit, output) = Tool("qpdf", "qpdf", "--check", Path.Combine(folder, name));
            Assert.True(exit == 0, output);
            Assert.Contains("No syntax or stream encoding errors", output);
        }

        // The evidence: every entry of the case in full, the other case's entries by their hashes only; the head is the
        // chain's, as the table of contents states it.
        var evidence = Path.Combine(folder, "evidence.jsonl");
        var lines = File.ReadAllLines(evidence);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var ids = documents.Select(d => Guid.Parse(d.Id)).ToList();
        var subjects = (await db.CreditRecords.Where(r => r.CaseId == Guid.Parse(id)).Select(r => r.Id).ToListAsync(Ct)).Select(r => $"信用记录 {r}").ToList();
        Assert.Equal(2, subjects.Count); // the records entered (the organisation and its legal representative): their evidence is the case's too
        subjects.Add($"信用案件 {id}");
        var ofTheCase = await db.EvidenceEntries
            .CountAsync(e => subjects.Contains(e.Subject) || (e.DocumentId != null && ids.Contains(e.DocumentId.Value)), Ct);
        var head = await db.EvidenceEntries.OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstAsync(Ct);
        using (var header = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal((ofTheCase, head), (header.RootElement.GetProperty("caseEntries").GetInt32(), header.RootElement.GetProperty("head").GetString()));
        }
        Assert.Contains(lines, l => l.Contains("\"case\":false", StringComparison.Ordinal));
        Assert.DoesNotContain(otherId, File.ReadAllText(evidence), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(head, string.Concat(PdfDocument.Open(contents).GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal));

        var (ok, said) = SesProcess.Run(folder, new Dictionary<string, string>(), "audit", "verify", "--file", evidence);
        Assert.True(ok == 0, said);
        Assert.Contains($"其中本案记录 {ofTheCase} 条已按内容重算哈希", said);
        Assert.Contains($"链头 {head}", said);

        // One character changed in the case's first entry (its time 2026 → 2025): named, exit 1.
        var tampered = Path.Combine(folder, "tampered.jsonl");
        var first = lines[1].IndexOf("\"atUtc\":\"2026", StringComparison.Ordinal) + "\"atUtc\":\"202".Length;
        File.WriteAllLines(tampered, [lines[0], lines[1][..first] + "5" + lines[1][(first + 1)..], .. lines[2..]]);
        var (broken, reason) = SesProcess.Run(folder, new Dictionary<string, string>(), "audit", "verify", "--file", tampered);
        Assert.True(broken == 1, reason);
        Assert.Contains("记录被改动", reason);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task EvidenceSegment_ALineRemovedOrReordered_IsNamed_AndAnotherFileIsAUsageError()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "dongbei");
        var id = await world.OpenAsync();
        await CaseWorld.Step(world.Officer, $"/api/cases/{id}/collection", Collection);
        var response = await world.Officer.GetAsync($"/api/cases/{id}/file", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        using var reader = new StreamReader(zip.GetEntry("evidence.jsonl")!.Open(), Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 3);
        Assert.True(EvidenceSegment.Verify(new StringReader(string.Join('\n', lines))).Intact);

        var removed = EvidenceSegment.Verify(new StringReader(string.Join('\n', lines.Where((_, i) => i != 1))));
        Assert.False(removed.Intact);
        Assert.Contains("缺失", removed.Reason);
        var swapped = EvidenceSegment.Verify(new StringReader(string.Join('\n', [lines[0], lines[2], lines[1], .. lines[3..]])));
        Assert.False(swapped.Intact);
        var cut = EvidenceSegment.Verify(new StringReader(string.Join('\n', lines[..^1])));
        Assert.False(cut.Intact);
        Assert.Contains("文件头载明", cut.Reason);

        var notASegment = Path.Combine(factory.Folder, "not-a-segment.jsonl");
        await File.WriteAllTextAsync(notASegment, "{\"hello\":1}\n", Ct);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(SesCommand.Usage, await SesCommand.RunAsync(["audit", "verify", "--file", notASegment], stdout, stderr));
        Assert.Contains("不是导出的证据链文件", stderr.ToString());
    }

    [Fact]
    public async Task CaseFile_OnlyForTheCasesBureau_AndItsOfficersLegalStaffAndLeaders()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "xinan");
        var id = await world.OpenAsync();
        var path = $"/api/cases/{id}/file";
        foreach (var staff in new[] { world.Officer, world.Legal, world.Leader })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(path, Ct)).StatusCode);
        }

        // Another bureau's officer does not find it; a bureau administrator manages accounts, not cases.
        var other = await CaseWorld.CreateAsync(factory, "zhongnan");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Officer.GetAsync(path, Ct)).StatusCode);
        var admin = await world.Delivery.Admin.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal("auth.forbidden", (await admin.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());

        // The counterparty's own account and an anonymous caller are refused.
        var account = await world.Delivery.AccountAsync(world.AccountName);
        Assert.Contains((await account.GetAsync(path, Ct)).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Officer.GetAsync($"/api/cases/{Guid.NewGuid()}/file", Ct)).StatusCode);

        // Each export is in the audit log, with who took it.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "case.file-exported" && a.Subject == id, Ct));
    }

    /// <summary>Minutes as a real two-page PDF, so the table of contents can count them.</summary>
    private static byte[] TwoPagePdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Runs an independent validator; skipped where it is missing, unless SES_REQUIRE_ALL=1 (CI).</summary>
    private static (int Exit, string Output) Tool(string tool, string package, params string[] args)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            if (Environment.GetEnvironmentVariable("SES_REQUIRE_ALL") == "1") Assert.Fail($"{tool} is not installed (Debian package {package})");
            Assert.Skip($"{tool} is not installed (Debian package {package})");
        }
        var psi = new ProcessStartInfo(found) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
