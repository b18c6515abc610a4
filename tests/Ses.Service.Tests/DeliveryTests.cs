using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Delivery;
using Ses.Service.Evidence;

namespace Ses.Service.Tests;

/// <summary>
/// Serving, the counterparty's inbox, confirmation, deemed delivery by the job, paper delivery and the evidence chain,
/// through the HTTP API of a real service on a real SQLite file, with the clock standing where each test puts it.
/// </summary>
public sealed class DeliveryTests : IDisposable
{
    private readonly TestClock _clock = new(TestClock.Beijing(2026, 2, 13, 23, 30));
    private readonly DevelopmentServiceFactory _factory;

    public DeliveryTests() => _factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-delivery-").FullName, owns: true, _clock);

    public void Dispose() => _factory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> Json(HttpResponseMessage r) => DeliveryWorld.Json(r);

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    [Fact]
    public async Task Electronic_OpenDownloadConfirmBeforeDeemedDate_DeliveredOnTheConfirmationDate_WithTheDefencePeriod()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, accounts, names) = await world.CounterpartyAsync("确认测试航空", accounts: 2);
        var (docId, number) = await world.IssueAsync(cp, "确认测试航空");
        // Sent on Friday 13 February 2026 at 23:30 Beijing time (15:30 UTC): the 14th is an adjusted working day, the
        // Spring Festival runs 15–23, so the 3rd working day after the 13th is Wednesday the 25th.
        var served = await world.ServeAsync(docId);
        Assert.Equal("electronic", Str(served, "mode"));
        Assert.Equal("2026-02-25", Str(served, "deemedOn"));
        Assert.Equal("pending", Str(served, "status"));
        // SMS to both contacts queued with the service record (no SMTP host here, so no email).
        var queued = world.WithDb(db => db.NotificationMessages.Where(m => m.DeliveryId == Guid.Parse(Str(served, "id")!)).ToList());
        Assert.Equal(["13800000011", "13800000012"], queued.Select(m => m.Recipient).Order());
        Assert.All(queued, m => Assert.Equal(("served", "sms"), (m.Kind, m.Channel)));
        Assert.Contains("2026年2月25日视为送达", queued[0].Body);

        // Both accounts of the counterparty see it as new.
        foreach (var account in accounts)
        {
            var inbox = await Json(await account.GetAsync("/api/my/deliveries", Ct));
            var item = Assert.Single(inbox.EnumerateArray());
            Assert.Equal(number, Str(item, "number"));
            Assert.Equal("new", Str(item, "inboxStatus"));
            Assert.Null(Str(item, "servedBy")); // staff names are not shown to the counterparty
        }
        var id = Str(served, "id");

        _clock.Now = TestClock.Beijing(2026, 2, 24, 9);
        accounts = [await world.AccountAsync(names[0]), await world.AccountAsync(names[1])];
        var view = await accounts[0].GetAsync($"/api/my/deliveries/{id}/pdf?view=true", Ct);
        Assert.Equal("application/pdf", view.Content.Headers.ContentType?.MediaType);
        Assert.Null(view.Content.Headers.ContentDisposition?.FileName);
        var download = await accounts[1].GetAsync($"/api/my/deliveries/{id}/pdf", Ct);
        // Saved under the document's number, never an internal id (RFC 6266 filename*, UTF-8).
        Assert.Equal($"{number}.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.DoesNotContain(docId!, download.Content.Headers.ContentDisposition!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("opened", Str(await Json(await accounts[1].GetAsync($"/api/my/deliveries/{id}", Ct)), "inboxStatus"));

        _clock.Now = TestClock.Beijing(2026, 2, 25, 23, 59); // the deemed day itself, one minute before midnight
        accounts = [await world.AccountAsync(names[0]), await world.AccountAsync(names[1])];
        await world.SignInStaffAsync();
        var confirmed = await Json(await accounts[1].PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct));
        Assert.Equal("confirmed", Str(confirmed, "inboxStatus"));
        Assert.Equal("2026-02-25", Str(confirmed, "deliveredOn"));
        Assert.Equal("confirmation", Str(confirmed, "deliveryRule"));
        Assert.Equal(names[1], Str(confirmed, "confirmedBy"));
        var defence = Assert.Single(confirmed.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("defense", Str(defence, "period"));
        // 26 Thu, 27 Fri, 28 Sat (an adjusted working day), 2 Mon, 3 Tue: the 5th working day is 3 March; but the
        // notice printed 「应当于2026年3月4日前」 (proposed from the deemed date), and that date is the defence deadline.
        Assert.Equal("2026-03-04", Str(defence, "lastDay"));
        Assert.Contains("告知书载明的日期 2026-03-04", Str(defence, "rule"));

        var again = await accounts[0].PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("delivery.confirmed", Str(await Json(again), "code"));

        // The job later finds nothing to deem: the confirmation fixed the date.
        Assert.Equal(0, (await world.RunJobAsync()).Deemed);

        var timeline = (await Json(await world.Legal.GetAsync($"/api/deliveries/{id}", Ct))).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["SubmissionAcceptance", "ContentConsignment", "ContentAccessTracking", "ContentHandover", "ConsignmentAcceptance"],
            timeline.Select(e => Str(e, "event")));
        Assert.Equal("UTC 2026-02-13T15:30:00.000Z", Str(timeline[1], "timeUtc"));
        Assert.Equal("北京时间 2026-02-13T23:30:00.000+08:00", Str(timeline[1], "timeBeijing"));
        Assert.Equal($"account:{names[0]}", Str(timeline[2], "actor"));
        Assert.True((await world.WithDb(db => EvidenceLog.VerifyAsync(db, Ct))).Intact);
    }

    [Fact]
    public async Task Electronic_NotConfirmed_JobDeemsOnceAfterTheDeemedDay_RemindsTheWorkingDayBefore_LaterConfirmationChangesNothing()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, names) = await world.CounterpartyAsync("视为送达测试公司");
        var (docId, _) = await world.IssueAsync(cp, "视为送达测试公司");
        var id = Str(await world.ServeAsync(docId), "id");

        _clock.Now = TestClock.Beijing(2026, 2, 23, 12); // the last day of the holiday: no reminder yet
        Assert.Equal(new DeliveryJobResult(0, 0, 0), await world.RunJobAsync());
        _clock.Now = TestClock.Beijing(2026, 2, 24, 8); // the working day before the deemed date
        Assert.Equal(new DeliveryJobResult(0, 0, 1), await world.RunJobAsync());
        Assert.Equal(new DeliveryJobResult(0, 0, 0), await world.RunJobAsync());
        Assert.Equal(2, world.WithDb(db => db.NotificationMessages.Count(m => m.DeliveryId == Guid.Parse(id!) && m.Kind == "reminder")));

        // 16:00 UTC on the 25th is already the 26th in Beijing: the deemed day has passed.
        _clock.Now = new DateTimeOffset(2026, 2, 25, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, (await world.RunJobAsync()).Deemed);
        Assert.Equal(0, (await world.RunJobAsync()).Deemed);

        HttpClient[] accounts = [await world.AccountAsync(names[0])];
        var item = await Json(await accounts[0].GetAsync($"/api/my/deliveries/{id}", Ct));
        Assert.Equal("deemed", Str(item, "inboxStatus"));
        Assert.Equal("2026-02-25", Str(item, "deliveredOn"));
        Assert.Contains(LegalDates.ShippedCalendar, Str(item, "deliveryRuleText"));
        Assert.DoesNotContain(".csv", Str(item, "deliveryRuleText"));

        var late = await Json(await accounts[0].PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct));
        Assert.Equal("2026-02-25", Str(late, "deliveredOn"));
        Assert.Equal("deemed", Str(late, "deliveryRule"));
        Assert.NotNull(Str(late, "confirmedAt"));
        var events = world.WithDb(db => db.EvidenceEntries.Where(e => e.DeliveryId == Guid.Parse(id!)).OrderBy(e => e.Sequence).ToList());
        Assert.Equal(["served", "reminder-scheduled", "deemed", "confirmed"], events.Select(e => e.Action));
        Assert.Equal("已过视为送达日 2026-02-25：仅记录，不改变送达日", EvidenceTexts.Facts(events[^1].Detail)["effect"]);

        // The certificate names the rule and the calendar data that fixed the date.
        await world.SignInStaffAsync();
        var certificate = await world.Legal.GetByteArrayAsync($"/api/deliveries/{id}/certificate", Ct);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(certificate);
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("后第三个工作日2026-02-25前未确认收讫，视为送达", text);
        Assert.Contains(LegalDates.ShippedCalendar, text);
        Assert.DoesNotContain(".csv", text);
        Assert.Contains("AcceptanceRejectionExpiry", text);
    }

    [Fact]
    public async Task Electronic_DocumentVoidedAfterServing_IsNeverRemindedOrDeemedDelivered()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("作废后送达测试公司");
        var (docId, _) = await world.IssueAsync(cp, "作废后送达测试公司");
        var id = Guid.Parse(Str(await world.ServeAsync(docId), "id")!);
        Assert.Equal(HttpStatusCode.OK, (await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/void", new { reason = "事由填写错误" }, Ct)).StatusCode);

        _clock.Now = TestClock.Beijing(2026, 2, 24, 8); // the working day before the deemed date: reminders go out
        Assert.Equal(new DeliveryJobResult(0, 0, 0), await world.RunJobAsync());
        _clock.Now = TestClock.Beijing(2026, 3, 2, 8); // well past the deemed day
        Assert.Equal(new DeliveryJobResult(0, 0, 0), await world.RunJobAsync());

        var delivery = world.WithDb(db => db.Deliveries.Single(d => d.Id == id));
        Assert.Null(delivery.DeliveredOn);
        Assert.Null(delivery.ReminderAt);
        Assert.Equal(0, world.WithDb(db => db.NotificationMessages.Count(m => m.DeliveryId == id && m.Kind == "reminder")));
        Assert.DoesNotContain(world.WithDb(db => db.EvidenceEntries.Where(e => e.DeliveryId == id).Select(e => e.Action).ToList()),
            a => a is "deemed" or "reminder-scheduled");
    }

    [Fact]
    public async Task Confirmation_AfterTheDeemedDayBeforeTheJobRan_IsDeemedFirst_ThenRecorded()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, names) = await world.CounterpartyAsync("迟确认测试公司");
        var id = Str(await world.ServeAsync((await world.IssueAsync(cp, "迟确认测试公司")).Id), "id");
        _clock.Now = TestClock.Beijing(2026, 2, 26, 0, 1);
        HttpClient[] accounts = [await world.AccountAsync(names[0])];
        var late = await Json(await accounts[0].PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct));
        Assert.Equal("deemed", Str(late, "deliveryRule"));
        Assert.Equal("2026-02-25", Str(late, "deliveredOn"));
        Assert.Equal(0, (await world.RunJobAsync()).Deemed);
    }

    [Fact]
    public async Task Decision_IsServedBothWays_PaperDateIsTheDeliveryDate_WithReconsiderationLitigationValidityRepair()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, names) = await world.CounterpartyAsync("决定书测试公司");
        var (docId, _) = await world.IssueAsync(cp, "决定书测试公司", decision: true, validityCase: "art8-1-3");

        var refused = await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { mode = "electronic" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("serve.important-both", Str((await Json(refused)).GetProperty("problems")[0], "code"));

        var served = await world.ServeAsync(docId);
        Assert.Equal("both", Str(served, "mode"));
        var id = Str(served, "id");
        _clock.Now = TestClock.Beijing(2026, 2, 24, 10);
        HttpClient[] accounts = [await world.AccountAsync(names[0])];
        await world.SignInStaffAsync();
        var confirmed = await Json(await accounts[0].PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct));
        Assert.Equal("2026-02-24", Str(confirmed, "electronicOn"));
        Assert.Equal("pending", Str(confirmed, "status")); // the paper delivery decides
        Assert.Empty(confirmed.GetProperty("deadlines").EnumerateArray());

        // Every problem at once, nothing stored.
        var bad = await world.Officer.PostAsJsonAsync(
            $"/api/deliveries/{id}/paper",
            new { deliveredOn = "2026-02-01", method = "", receiptBase64 = Convert.ToBase64String("GIF89a"u8.ToArray()) },
            Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var codes = (await Json(bad)).GetProperty("problems").EnumerateArray().Select(p => Str(p, "code")).ToList();
        Assert.Equal(["paper.before-serving", "field.required", "field.required", "paper.receipt-type"], codes);
        Assert.Null(world.WithDb(db => db.Deliveries.Single(d => d.Id == Guid.Parse(id!)).PaperDeliveredOn));

        var receipt = "%PDF-1.7\n% scanned receipt\n"u8.ToArray();
        var paper = await world.Officer.PostAsJsonAsync($"/api/deliveries/{id}/paper", new
        {
            deliveredOn = "2026-02-24", method = "EMS", trackingNumber = "EA123456789CN", signedBy = "张三",
            receiptBase64 = Convert.ToBase64String(receipt), receiptName = "回证.pdf",
        }, Ct);
        var delivered = await Json(paper);
        Assert.True(paper.StatusCode == HttpStatusCode.OK, delivered.ToString());
        Assert.Equal("2026-02-24", Str(delivered, "deliveredOn"));
        Assert.Equal("paper", Str(delivered, "deliveryRule"));
        var deadlines = delivered.GetProperty("deadlines").EnumerateArray().ToDictionary(d => Str(d, "period")!, d => Str(d, "lastDay"));
        Assert.Equal("2026-04-27", deadlines["reconsideration"]); // 25 April is a Saturday, 26 a Sunday
        Assert.Equal("2026-08-24", deadlines["litigation"]);
        Assert.Equal("2029-02-24", deadlines["validity"]);
        // 满 6 个月 on 08-24: an application is accepted from the day after (实施办法第十八条).
        Assert.Equal("2026-08-25", deadlines["repair"]);
        var download = await world.Officer.GetAsync($"/api/deliveries/{id}/receipt", Ct);
        Assert.Equal(receipt, await download.Content.ReadAsByteArrayAsync(Ct));
        // Named by the document's number, as the legal page names it, not by the uploaded file's name.
        var number = Str(await Json(await world.Officer.GetAsync($"/api/documents/{docId}", Ct)), "number")!;
        Assert.Equal(number + "-送达回证.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);

        var twice = await world.Officer.PostAsJsonAsync($"/api/deliveries/{id}/paper", new
        {
            deliveredOn = "2026-02-24", method = "EMS", signedBy = "李四", receiptBase64 = Convert.ToBase64String(receipt),
        }, Ct);
        Assert.Equal("paper.recorded", Str(await Json(twice), "code"));
    }

    [Fact]
    public async Task Isolation_OtherCounterpartyAndOtherBureau_FindNothing()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("甲方测试公司");
        var (_, others, _) = await world.CounterpartyAsync("乙方测试公司");
        var id = Str(await world.ServeAsync((await world.IssueAsync(cp, "甲方测试公司")).Id), "id");
        var other = others[0];
        Assert.Empty((await Json(await other.GetAsync("/api/my/deliveries", Ct))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/my/deliveries/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/my/deliveries/{id}/pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct)).StatusCode);
        // An account is no staff member.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/deliveries/{id}", Ct)).StatusCode);
        var huadong = await DeliveryWorld.CreateAsync(_factory, "huadong");
        Assert.Equal(HttpStatusCode.NotFound, (await huadong.Legal.GetAsync($"/api/deliveries/{id}", Ct)).StatusCode);
        Assert.Empty((await Json(await huadong.Legal.GetAsync("/api/deliveries?number=信告", Ct))).EnumerateArray());
        // A disabled account is refused at once, with its token still unexpired.
        var own = (await Json(await world.Admin.GetAsync($"/api/counterparties/{cp}/accounts", Ct))).EnumerateArray().Single();
        var mine = await world.AccountAsync(own.GetProperty("userName").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/api/my/deliveries/{id}", Ct)).StatusCode);
        await world.Admin.PostAsync($"/api/counterparties/{cp}/accounts/{own.GetProperty("id").GetString()}/disable", null, Ct);
        var refused = await mine.PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("account.disabled", Str(await Json(refused), "code"));
        // Nothing was recorded for the failed attempts.
        Assert.DoesNotContain(world.WithDb(db => db.EvidenceEntries.Where(e => e.DeliveryId == Guid.Parse(id!)).Select(e => e.Action).ToList()),
            a => a is "opened" or "downloaded" or "confirmed");
    }

    [Fact]
    public async Task Serve_Refusals_NameTheRule_AndStoreNothing()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("拒绝测试公司");
        var (docId, _) = await world.IssueAsync(cp, "拒绝测试公司");
        var bad = await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { mode = "fax" }, Ct);
        Assert.Equal("field.choice.unknown", Str((await Json(bad)).GetProperty("problems")[0], "code"));
        await world.ServeAsync(docId);
        var twice = await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { }, Ct);
        Assert.Equal("delivery.exists", Str(await Json(twice), "code"));

        var (noAccount, _, _) = await world.CounterpartyAsync("无账号测试公司", accounts: 0);
        var (doc2, _) = await world.IssueAsync(noAccount, "无账号测试公司");
        var refused = await world.Officer.PostAsJsonAsync($"/api/documents/{doc2}/serve", new { mode = "electronic" }, Ct);
        Assert.Equal("serve.no-account", Str((await Json(refused)).GetProperty("problems")[0], "code"));
        // Without an account the document is served on paper, and the officer is told why.
        var paper = await world.ServeAsync(doc2);
        Assert.Equal("paper", Str(paper, "mode"));
        Assert.Contains("没有可用的 SES 账号", Str(paper, "paperOnlyReason"));

        var (doc3, _) = await world.IssueAsync(cp, "拒绝测试公司");
        Assert.Equal(HttpStatusCode.OK, (await world.Officer.PostAsJsonAsync($"/api/documents/{doc3}/void", new { reason = "送达对象有误" }, Ct)).StatusCode);
        var voided = await world.Officer.PostAsJsonAsync($"/api/documents/{doc3}/serve", new { }, Ct);
        Assert.Equal("document.voided", Str(await Json(voided), "code"));
        Assert.Equal(2, world.WithDb(db => db.Deliveries.Count()));
    }

    [Fact]
    public async Task DeemedDate_InAYearWithoutSchedule_IsProvisional_AlertsAdmins_AndIsRecomputedOnImport()
    {
        _clock.Now = TestClock.Beijing(2026, 12, 30, 10);
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("跨年测试公司");
        var id = Str(await world.ServeAsync((await world.IssueAsync(cp, "跨年测试公司")).Id), "id");
        var served = await Json(await world.Officer.GetAsync($"/api/deliveries/{id}", Ct));
        Assert.True(served.GetProperty("deemedProvisional").GetBoolean());
        Assert.Equal("2027-01-04", Str(served, "deemedOn")); // 31 Dec, then Friday 1 Jan and Monday 4 Jan by weekday alone
        var alert = Assert.Single((await Json(await world.Admin.GetAsync("/api/admin/alerts", Ct))).EnumerateArray());
        Assert.Equal("calendar.missing-year:2027", Str(alert, "key"));

        // The 2027 notice: New Year's Day off on Friday 1 January (a made-up schedule for the test).
        // It moves the deemed date: the system administrator confirms, and the import recomputes it at once.
        var sysadmin = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "xibei", StaffRole.SystemAdmin));
        var import = await sysadmin.PostAsync("/api/calendar/years?name=cn-holidays-2027.csv&confirm=true",
            new StringContent("date,is_off_day,name\n2027-01-01,true,元旦\n", Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(0, (await world.RunJobAsync()).Recomputed);
        var recomputed = await Json(await world.Officer.GetAsync($"/api/deliveries/{id}", Ct));
        Assert.False(recomputed.GetProperty("deemedProvisional").GetBoolean());
        Assert.Equal("2027-01-05", Str(recomputed, "deemedOn"));
        Assert.Contains(recomputed.GetProperty("timeline").EnumerateArray(), e => Str(e, "event") == "DeemedDateRecomputed");
    }

    [Fact]
    public async Task TwoInstances_RunningTheJobTogether_DeemEachDeliveryExactlyOnce()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("并发测试公司");
        for (var i = 0; i < 6; i++) await world.ServeAsync((await world.IssueAsync(cp, "并发测试公司")).Id);
        _clock.Now = TestClock.Beijing(2026, 3, 2, 9);
        using var second = new DevelopmentServiceFactory(_factory.Folder, owns: false, _clock);
        var secondWorld = new DeliveryWorld(second);
        var results = await Task.WhenAll(world.RunJobAsync(), secondWorld.RunJobAsync(), world.RunJobAsync(), secondWorld.RunJobAsync());
        Assert.Equal(6, results.Sum(r => r.Deemed));
        Assert.Equal(6, world.WithDb(db => db.EvidenceEntries.Count(e => e.Action == "deemed")));
        Assert.True((await world.WithDb(db => EvidenceLog.VerifyAsync(db, Ct))).Intact);
    }

    [Fact]
    public async Task EvidenceChain_AChangedOrRemovedEntry_IsNamedByVerify()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("链测试公司");
        await world.ServeAsync((await world.IssueAsync(cp, "链测试公司")).Id);
        await world.ServeAsync((await world.IssueAsync(cp, "链测试公司")).Id);
        var intact = await world.WithDb(db => EvidenceLog.VerifyAsync(db, Ct));
        Assert.True(intact.Intact);
        // The letter's verification, then each document issued and served.
        Assert.Equal(5, intact.Entries);
        var database = new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={Path.Combine(_factory.Folder, "ses.db")}" };
        var (exit, output) = SesProcess.Run(_factory.Folder, database, "audit", "verify");
        Assert.True(exit == 0, output);
        Assert.Contains($"证据链完整：5 条，链头 {intact.Head}", output);

        // Someone with database access moves the serving time of entry 3 back by a day.
        await world.WithDb(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE evidence_entries SET AtBeijing = '2026-02-12T23:30:00.000+08:00' WHERE Sequence = 3", Ct));
        var changed = await world.WithDb(db => EvidenceLog.VerifyAsync(db, Ct));
        Assert.Equal(3, changed.BrokenAt);
        Assert.Contains("was changed", changed.Reason);
        (exit, output) = SesProcess.Run(_factory.Folder, database, "audit", "verify", "--json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("brokenAt").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("entries").GetInt64());

        await world.WithDb(db => db.Database.ExecuteSqlRawAsync("DELETE FROM evidence_entries WHERE Sequence = 3", Ct));
        var removed = await world.WithDb(db => EvidenceLog.VerifyAsync(db, Ct));
        Assert.Equal(3, removed.BrokenAt);
        Assert.Contains("missing", removed.Reason);
    }

    [Fact]
    public async Task Deadline_ReachingAYearWithoutSchedule_IsProvisional_AndAlertsAdministrators()
    {
        _clock.Now = TestClock.Beijing(2026, 11, 23, 10);
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("期限跨年测试公司");
        var (docId, _) = await world.IssueAsync(cp, "期限跨年测试公司", decision: true);
        var id = Str(await world.ServeAsync(docId), "id");
        Assert.Empty((await Json(await world.Admin.GetAsync("/api/admin/alerts", Ct))).EnumerateArray()); // 26 Nov: no 2027 day involved yet
        var paper = await Json(await world.Officer.PostAsJsonAsync($"/api/deliveries/{id}/paper", new
        {
            deliveredOn = "2026-11-23", method = "专人送达", signedBy = "赵六", receiptBase64 = Convert.ToBase64String("%PDF-1.4\n"u8.ToArray()),
        }, Ct));
        var deadlines = paper.GetProperty("deadlines").EnumerateArray().ToDictionary(d => Str(d, "period")!);
        Assert.True(deadlines["reconsideration"].GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-01-22", Str(deadlines["reconsideration"], "lastDay")); // a Friday: a working day by weekday alone
        Assert.True(deadlines["litigation"].GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-05-24", Str(deadlines["litigation"], "lastDay")); // 23 May 2027 is a Sunday
        Assert.Contains("暂定", Str(Assert.Single((await Json(await world.Admin.GetAsync("/api/admin/alerts", Ct))).EnumerateArray()), "message"));
    }
}
