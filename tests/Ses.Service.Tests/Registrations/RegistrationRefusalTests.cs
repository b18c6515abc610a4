using System.Net;
using System.Net.Http.Json;
using Ses.Documents.Validation;
using Ses.Service.Counterparties;

namespace Ses.Service.Tests.Registrations;

/// <summary>
/// Bad registrations are refused with the field, a stable code and a Chinese message, and nothing is stored: no registration,
/// scan, account, counterparty or evidence entry more than before.
/// </summary>
public sealed class RegistrationRefusalTests(RegistrationFixture factory) : IClassFixture<RegistrationFixture>
{
    private async Task Refused(Action<Dictionary<string, object?>> spoil, string field, string code)
    {
        var registrant = new RegistrationWorld(factory);
        var (request, _, _) = await registrant.NewDomesticAsync();
        spoil(request);
        var before = registrant.Counts();
        var (response, body) = await registrant.SubmitAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        RegistrationWorld.Problem(body, field, code);
        Assert.Equal(before, registrant.Counts());
    }

    private static string WrongCheckCharacter(string uscc) => uscc[..17] + (uscc[17] == '0' ? '1' : '0');

    [Fact]
    public Task AUsccWithAWrongCheckCharacter_IsRefused() =>
        Refused(r => r["idValue"] = WrongCheckCharacter((string)r["idValue"]!), "idValue", ErrorCodes.FieldUsccChecksum);

    [Fact]
    public Task AForeignAirlineCodeOfThreeCharacters_IsRefused() =>
        Refused(r => (r["kind"], r["idScheme"], r["idValue"], r["approvingBureau"]) = ("foreign", "airline", "KEA", "huadong"), "idValue",
            ErrorCodes.FieldAirlineFormat);

    [Fact]
    public Task ADomesticEntityWithAnAirlineCode_IsRefused() =>
        Refused(r => (r["idScheme"], r["idValue"]) = ("airline", "KE"), "idScheme", ErrorCodes.CounterpartyIdScheme);

    [Fact]
    public Task AnIndividual_CannotRegister() =>
        Refused(r => r["kind"] = CounterpartyKind.Individual, "kind", ErrorCodes.RegistrationKind);

    [Fact]
    public Task AChineseAccountName_IsRefused() =>
        Refused(r => r["accounts"] = new[] { new { userName = "南航_运行部", department = "运行部" } }, "accounts[0].userName", ErrorCodes.AccountName);

    [Fact]
    public Task TheSameAccountNameTwice_IsRefused() =>
        Refused(r => r["accounts"] = new[] { new { userName = "sxhk_yxb", department = "运行部" }, new { userName = "sxhk_yxb", department = "安全部" } },
            "accounts[1].userName", ErrorCodes.RegistrationAccountDuplicate);

    [Fact]
    public Task NoAccount_IsRefused() => Refused(r => r["accounts"] = Array.Empty<object>(), "accounts", ErrorCodes.RegistrationAccounts);

    [Fact]
    public Task AnAddressInNoBureausRegion_IsRefused() =>
        Refused(r => r["address"] = "西安市未央区某路1号", "address", ErrorCodes.RegistrationAddressOffice);

    [Fact]
    public Task AForeignEntityWithoutAKnownApprovingBureau_IsRefused() =>
        Refused(r => (r["kind"], r["idScheme"], r["idValue"], r["approvingBureau"]) = ("foreign", "airline", "KE", "seoul"), "approvingBureau",
            ErrorCodes.RegistrationBureau);

    [Fact]
    public Task AContactWithoutEmail_IsRefused() =>
        Refused(r => r["contacts"] = new[] { new { name = "张三", mobile = RegistrationWorld.Mobile(), email = "" }, new { name = "李四", mobile = "13900000000",
            email = "li@example.com" } }, "contacts[0].email", ErrorCodes.FieldRequired);

    [Fact]
    public Task ALetterWhoseContentIsNotWhatItsNameSays_IsRefused() =>
        Refused(r => r["letter"] = RegistrationWorld.File("确认函.pdf", RegistrationWorld.Png), "letter.base64", ErrorCodes.ConsentFileContent);

    [Fact]
    public Task ALicenceOfAnotherType_IsRefused() =>
        Refused(r => r["licence"] = RegistrationWorld.File("营业执照.docx", RegistrationWorld.Pdf), "licence.name", ErrorCodes.ConsentFileType);

    [Fact]
    public Task ADomesticEntityWithoutItsLicence_IsRefused() => Refused(r => r["licence"] = null, "licence", ErrorCodes.ConsentFileEmpty);

    [Fact]
    public Task AnOversizedScan_IsRefused()
    {
        var big = new byte[10 * 1024 * 1024 + 1];
        RegistrationWorld.Pdf.CopyTo(big, 0);
        return Refused(r => r["letter"] = RegistrationWorld.File("确认函.pdf", big), "letter.base64", ErrorCodes.ConsentFileSize);
    }

    [Fact]
    public Task AWrongCode_IsRefused() =>
        Refused(r => r["code"] = "000000" == (string)r["code"]! ? "000001" : "000000", "code", ErrorCodes.RegistrationCodeInvalid);

    [Fact]
    public async Task AfterFiveWrongCodes_EvenTheRightOneIsRefused()
    {
        var registrant = new RegistrationWorld(factory);
        var (request, _, _) = await registrant.NewDomesticAsync();
        var right = (string)request["code"]!;
        request["code"] = right == "000000" ? "000001" : "000000";
        for (var i = 0; i < 5; i++) RegistrationWorld.Problem((await registrant.SubmitAsync(request)).Body, "code", ErrorCodes.RegistrationCodeInvalid);
        request["code"] = right;
        var before = registrant.Counts();
        RegistrationWorld.Problem((await registrant.SubmitAsync(request)).Body, "code", ErrorCodes.RegistrationCodeTries);
        Assert.Equal(before, registrant.Counts());
    }

    [Fact]
    public async Task AnIdentifierAlreadyRegisteredAsACounterparty_IsRefused()
    {
        var uscc = RegistrationWorld.Uscc();
        var world = await DeliveryWorld.CreateAsync(factory);
        var created = await world.Admin.PostAsJsonAsync("/api/counterparties", new
        {
            kind = "domestic-legal-person", name = "已登记航空有限公司", idScheme = "uscc", idValue = uscc, address = "陕西省西安市",
            contacts = new[]
            {
                new { name = "甲", mobile = "13800000011", email = "a@example.com" }, new { name = "乙", mobile = "13800000012", email = "b@example.com" },
            },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Refused(r => r["idValue"] = uscc, "idValue", ErrorCodes.CounterpartyExists);
    }

    [Fact]
    public async Task ASecondRegistrationOfAPendingIdentifier_IsRefused()
    {
        var registrant = new RegistrationWorld(factory);
        var (first, _, _) = await registrant.NewDomesticAsync();
        await registrant.SubmittedAsync(first);
        await Refused(r => r["idValue"] = first["idValue"], "idValue", ErrorCodes.RegistrationPending);
    }
}
