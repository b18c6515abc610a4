using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Security;

/// <summary>Counts the password hash verifications of one test service (its own meters only), through
/// <see cref="PasswordChecks"/>' counter.</summary>
internal sealed class PasswordCheckCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public PasswordCheckCounter(WebApplicationFactory<Program> factory)
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == PasswordChecks.MeterName && instrument.Name == PasswordChecks.CounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
