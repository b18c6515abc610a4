using System.Security.Cryptography;
using Ses.Documents.Signing.Crypto;
using Ses.Service.Signing;

namespace Ses.Service.Http;

/// <summary>
/// Whether the configured timestamp authority answers, asked at most once a minute (one token over a random imprint)
/// so /health reports it as it is without loading it; the in-process development TSA is always there.
/// </summary>
public sealed class TsaProbe(SigningContext signing, TimeProvider time)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task<TsaState>? _probe;
    private TsaState? _last;

    public async Task<TsaState> StateAsync(CancellationToken ct)
    {
        var source = signing.Timestamps;
        if (source is null) return new TsaState("none", null);
        if (source is LocalTimestampAuthority) return new TsaState("ok", null);
        Task<TsaState> probe;
        lock (_gate)
        {
            if (_probe is null || (_probe.IsCompleted && time.GetUtcNow() - _probe.Result.CheckedAt > Fresh))
            {
                _probe = Task.Run(() => Ask(source), CancellationToken.None);
            }
            probe = _probe;
        }
        try
        {
            var state = await probe.WaitAsync(Wait, time, ct);
            _last = state;
            return state;
        }
        catch (TimeoutException)
        {
            // Still asking: the last answer, or unreachable when it has not answered within the wait.
            return _last ?? new TsaState("unreachable", time.GetUtcNow());
        }
    }

    private TsaState Ask(ITimestampSource source)
    {
        try
        {
            source.GetTimestampToken(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
            return new TsaState("ok", time.GetUtcNow());
        }
        catch (TimestampException)
        {
            return new TsaState("unreachable", time.GetUtcNow());
        }
    }
}

/// <summary>The timestamp authority's state: ok, unreachable or none, and when it was last asked.</summary>
public sealed record TsaState(string Status, DateTimeOffset? CheckedAt);
