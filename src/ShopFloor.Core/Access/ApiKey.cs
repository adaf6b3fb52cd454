using System.Security.Cryptography;
using System.Text;

namespace ShopFloor.Core.Access;

/// <summary>A key for the REST API. Only its SHA-256 hash is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    private ApiKey() { }

    private ApiKey(string name, string hash, DateTime now)
    {
        Name = name;
        Hash = hash;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; set; }

    public static (ApiKey Key, string Secret) Create(string name, DateTime now)
    {
        var secret = "sf_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new ApiKey(name, HashOf(secret), now), secret);
    }

    // Keys are 192 random bits, so a fast hash is as safe as a slow one here.
    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
