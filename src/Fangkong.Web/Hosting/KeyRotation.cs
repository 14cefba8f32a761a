using Fangkong.Core.Signing;

namespace Fangkong.Web.Hosting;

/// <summary>Every hour: rotates the database signing key once it is older than <c>Policy:Signing:RotateEvery</c> (ADR 0025).</summary>
public sealed class KeyRotation(CodeSigner signer, TimeProvider time, ILogger<KeyRotation> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                if (await signer.RotateIfDueAsync(stoppingToken))
                    log.LogInformation("Signing key rotated on schedule; the previous key verifies until its overlap ends");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Scheduled key rotation failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
