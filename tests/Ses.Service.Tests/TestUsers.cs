using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Consent;
using Ses.Service.Data;

namespace Ses.Service.Tests;

/// <summary>Staff users made straight in a test service's database, and clients signed in as them.</summary>
internal static class TestUsers
{
    public const string Password = "Initial-Passw0rd";

    public static string Create(WebApplicationFactory<Program> factory, string bureau, string role, bool mustChange = false)
    {
        var name = $"{bureau}_{role}_{Guid.NewGuid():N}"[..30];
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        db.StaffUsers.Add(new StaffUser
        {
            Id = Guid.NewGuid(), UserName = name, DisplayName = name, Role = role, Bureau = bureau,
            PasswordHash = Passwords.Hash(Password), MustChangePassword = mustChange,
        });
        db.SaveChanges();
        return name;
    }

    /// <summary>A counterparty supervised by <paramref name="bureau"/> with one account (password <see cref="Password"/>) and, with
    /// <paramref name="letter"/>, a verified confirmation letter (a row: the API's path is tested in ConsentLetterTests).</summary>
    public static (Guid Counterparty, Guid Account, string UserName) CreateAccount(
        WebApplicationFactory<Program> factory, string bureau, bool mustChange = false, bool letter = true)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var counterparty = new Counterparties.Counterparty
        {
            Id = Guid.NewGuid(), Kind = "foreign", Name = "测试航空" + suffix[..6], IdScheme = "test", IdValue = suffix, SupervisingBureau = bureau,
            Contact1Name = "甲", Contact1Mobile = "13800000001", Contact2Name = "乙", Contact2Mobile = "13800000002",
        };
        var account = new Counterparties.CounterpartyAccount
        {
            Id = Guid.NewGuid(), CounterpartyId = counterparty.Id, UserName = "acct_" + suffix[..20], Department = "运行部",
            PasswordHash = Passwords.Hash(Password), MustChangePassword = mustChange,
        };
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        db.Counterparties.Add(counterparty);
        db.CounterpartyAccounts.Add(account);
        if (letter)
        {
            db.ConsentLetters.Add(new ConsentLetter
            {
                Id = Guid.NewGuid(), CounterpartyId = counterparty.Id, Bureau = bureau, SignedOn = new DateOnly(2026, 1, 5), FileName = "确认函.pdf",
                FileSize = 1, ContentType = "application/pdf", FileSha256 = new string('c', 64), VerifiedBy = "test", VerifiedAt = DateTimeOffset.UnixEpoch,
            });
        }
        db.SaveChanges();
        return (counterparty.Id, account.Id, account.UserName);
    }

    /// <summary>The id of the staff member <paramref name="userName"/>.</summary>
    public static Guid StaffId(WebApplicationFactory<Program> factory, string userName)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SesDbContext>().StaffUsers.Single(u => u.UserName == userName).Id;
    }

    /// <summary>A client holding a bearer token from <paramref name="loginPath"/>.</summary>
    public static async Task<HttpClient> SignIn(
        WebApplicationFactory<Program> factory, string user, string password = Password, string loginPath = "/api/auth/staff/login")
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync(loginPath, new { userName = user, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
