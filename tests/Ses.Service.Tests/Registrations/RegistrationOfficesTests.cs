using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Registrations;

namespace Ses.Service.Tests.Registrations;

/// <summary>
/// The office of a domestic registration comes from the address on its licence (注册通知第二条第（三）项), through the table of
/// supervision offices in the bureau profiles: the province it begins with, a city of it before the province.
/// </summary>
public sealed class RegistrationOfficesTests(RegistrationFixture factory) : IClassFixture<RegistrationFixture>
{
    [Theory]
    [InlineData("陕西省西安市西咸新区空港新城", "xibei", "陕西监管局")]
    [InlineData("甘肃省兰州市中川机场", "xibei", "甘肃监管局")]
    [InlineData("宁夏回族自治区银川市河东机场", "xibei", "宁夏监管局")]
    [InlineData("青海省西宁市曹家堡机场", "xibei", "青海监管局")]
    [InlineData("中国广东省深圳市宝安区机场道", "zhongnan", "深圳监管局")]
    [InlineData("广东省广州市白云区机场路", "zhongnan", "广东监管局")]
    [InlineData("上海市长宁区虹桥路", "huadong", "上海监管局")]
    [InlineData("新疆维吾尔自治区乌鲁木齐市", "xinjiang", "乌鲁木齐监管局")]
    public void TheAddress_DecidesTheOffice(string address, string bureau, string office)
    {
        using var scope = factory.Services.CreateScope();
        Assert.Equal((bureau, office), scope.ServiceProvider.GetRequiredService<RegistrationOffices>().Match(address));
    }

    [Theory]
    [InlineData("西安市未央区")]
    [InlineData("Seoul, Korea")]
    [InlineData("")]
    public void AnAddressInNoRegion_HasNoOffice(string address)
    {
        using var scope = factory.Services.CreateScope();
        Assert.Null(scope.ServiceProvider.GetRequiredService<RegistrationOffices>().Match(address));
    }
}
