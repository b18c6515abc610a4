using Microsoft.Extensions.Configuration;
using Ses.Service.Data;
using Ses.Service.Notifications;

namespace Ses.Service.Tests.Notifications;

/// <summary>The <c>Notifications</c> settings: a wrong one stops start-up naming its key; recipients are masked in logs.</summary>
public sealed class NotificationOptionsTests
{
    private static NotificationOptions Read(params (string Key, string Value)[] settings) => NotificationsSetup.Read(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Defaults_OutboxSmsNoEmailEightAttempts()
    {
        var options = Read();
        Assert.Equal(("outbox", false, 8, 5), (options.Sms.Provider, options.Smtp.Enabled, options.MaxAttempts, options.PollSeconds));
    }

    [Theory]
    [InlineData("Notifications:Sms:Provider", "twilio", "Notifications:Sms:Provider")]
    [InlineData("Notifications:MaxAttempts", "0", "Notifications:MaxAttempts")]
    [InlineData("Notifications:PollSeconds", "soon", "Notifications:PollSeconds")]
    [InlineData("Notifications:Smtp:Host", "smtp.example.gov.cn", "Notifications:Smtp:From")]
    [InlineData("Notifications:Smtp:Security", "Tls", "Notifications:Smtp:Security")]
    public void WrongSetting_IsAConfigurationProblemNamingTheKey(string key, string value, string named)
    {
        var e = Assert.Throws<ConfigurationProblemException>(() => Read((key, value)));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void SmtpSettings_ParseTheChineseSenderAndTheDefaultPortOfTheSecurity()
    {
        var options = Read(("Notifications:Smtp:Host", "smtp.example.gov.cn"), ("Notifications:Smtp:From", NotificationServiceFactory.From),
            ("Notifications:Smtp:Security", "SslOnConnect"));
        Assert.Equal(("民航西北地区管理局 SES", "ses@xibei.caac.example"), (options.Smtp.Sender.Name, options.Smtp.Sender.Address));
        Assert.Equal(465, options.Smtp.EffectivePort);
        Assert.Throws<ConfigurationProblemException>(() => Read(("Notifications:Smtp:Host", "smtp.example.gov.cn"),
            ("Notifications:Smtp:From", NotificationServiceFactory.From), ("Notifications:Smtp:User", "ses")));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+8613812345678", "+86****5678")]
    [InlineData("12345", "***45")]
    public void Mobile_IsMasked(string mobile, string masked) => Assert.Equal(masked, RecipientMask.Mobile(mobile));

    [Theory]
    [InlineData("zhangsan@example.com", "z***@example.com")]
    [InlineData("not-an-address", "***")]
    public void Email_IsMasked(string email, string masked) => Assert.Equal(masked, RecipientMask.Email(email));
}
