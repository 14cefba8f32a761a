using System.CommandLine;
using System.Globalization;
using Fangkong.Core;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Operations;

/// <summary>`fangkong keys rotate` and `fangkong keys list`: the signing keys, as the admin API rotates and publishes them (ADR 0025).</summary>
internal static class KeysVerb
{
    public static Command Create()
    {
        var rotate = new Command("rotate", "Retire the active signing key into its overlap and start signing with a new one")
        {
            StoreOptions.Provider, StoreOptions.Connection, StoreOptions.SettingsFile,
        };
        rotate.SetAction(async (parse, ct) =>
        {
            await using var services = await ServicesAsync(parse, ct);
            try
            {
                var id = await services.GetRequiredService<CodeSigner>().RotateAsync(ct);
                Console.WriteLine($"Signing key rotated: {id} signs now.");
            }
            catch (ConflictException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
            await PrintAsync(services.GetRequiredService<CodeSigner>(), ct);
            return 0;
        });
        var list = new Command("list", "The published keys: active and retiring, with their validity")
        {
            StoreOptions.Provider, StoreOptions.Connection, StoreOptions.SettingsFile,
        };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await ServicesAsync(parse, ct);
            await PrintAsync(services.GetRequiredService<CodeSigner>(), ct);
            return 0;
        });
        return new Command("keys", "The code- and certificate-signing keys") { rotate, list };
    }

    internal static async Task<ServiceProvider> ServicesAsync(ParseResult parse, CancellationToken ct)
    {
        var storage = StoreOptions.From(parse);
        var services = new ServiceCollection().AddFangkongCore(storage, StoreOptions.Settings(parse)).BuildServiceProvider();
        await using var db = new FangkongDb(storage.BuildOptions());
        await Database.MigrateAsync(db, ct);
        return services;
    }

    private static async Task PrintAsync(CodeSigner signer, CancellationToken ct)
    {
        Console.WriteLine($"{"key",-16} {"status",-9} {"created (UTC)",-20} {"verifies until (UTC)",-20}");
        foreach (var k in await signer.PublicKeysAsync(ct))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{k.KeyId,-16} {k.Status,-9} {k.CreatedAtUtc:yyyy-MM-dd HH:mm:ss}  {(k.VerifiesUntilUtc is { } u ? u.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-"),-20}"));
    }
}
