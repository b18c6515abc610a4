using Ses.Service.Consent;
using Ses.Service.CounterpartyChanges;

namespace Ses.Service.Counterparties;

/// <summary>The register of counterparties and their accounts.</summary>
public static class CounterpartiesSetup
{
    public static WebApplicationBuilder AddCounterparties(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CounterpartyAdmin>();
        builder.Services.AddScoped<ConsentLetters>();
        builder.Services.AddScoped<CounterpartyChangeService>();
        return builder;
    }
}
