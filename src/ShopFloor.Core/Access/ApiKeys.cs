using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Access;

public sealed record ApiKeySummary(long Id, string Name, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>API keys for scripts: created (the secret is returned once), listed, revoked.</summary>
public sealed class ApiKeys(ShopFloorDbContext db, TimeProvider clock)
{
    public async Task<string> CreateAsync(string name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["name"] = ["Give the key a name of 1 to 100 characters."] });
        var (key, secret) = ApiKey.Create(name.Trim(), clock.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public Task<List<ApiKeySummary>> ListAsync(CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.Id)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.CreatedAt, k.RevokedAt)).ToListAsync(ct);

    public async Task RevokeAsync(long id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("API key", id);
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
