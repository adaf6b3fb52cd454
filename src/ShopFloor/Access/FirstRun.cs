using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopFloor.Core;
using ShopFloor.Core.Access;
using ShopFloor.Core.Data;

namespace ShopFloor.Access;

/// <summary>
/// The first run: until the owner exists, whoever reaches the port could claim the workspace, so creating the
/// owner takes a one-time setup code — <c>ShopFloor:SetupCode</c> when the operator sets one, otherwise a random
/// code this process prints in its console — and exactly one of any number of concurrent attempts wins.
/// </summary>
public sealed class FirstRun(IOptions<ShopFloorOptions> options)
{
    private readonly string _code = string.IsNullOrWhiteSpace(options.Value.SetupCode)
        ? RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4) + "-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4)
        : options.Value.SetupCode.Trim();

    private const long OwnerLock = 0x5F4F574E; // "_OWN": this lock's own advisory-lock key

    public bool CodeIsPrinted => string.IsNullOrWhiteSpace(options.Value.SetupCode);

    public string Code => _code;

    public bool Accepts(string? code) =>
        code is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()), Encoding.UTF8.GetBytes(_code.ToUpperInvariant()));

    /// <summary>
    /// Creates the owner if nobody has an account yet: the check and the creation are one transaction, taken in
    /// turn (an advisory lock on PostgreSQL; SQLite's transactions begin IMMEDIATE). Null when someone was first.
    /// </summary>
    public Task<IdentityResult?> CreateOwnerAsync(ShopFloorDbContext db, UserManager<ShopFloorUser> users, ShopFloorUser owner, string password, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({OwnerLock})", token);
            if (await db.Users.AnyAsync(token))
                return null;
            return (IdentityResult?)await users.CreateAsync(owner, password);
        }, ct);

    public static async Task<bool> IsNeededAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return !await scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>().Users.AnyAsync(ct);
    }
}
