using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ShopFloor.Access;

/// <summary>
/// The certificate that encrypts the Data Protection key ring, which in turn protects the Shopify tokens. The
/// ring lives in the database; the certificate lives outside it (<c>ShopFloor:KeyRing:CertificatePath</c>, a
/// PKCS#12 file, with <c>…:CertificatePassword</c>; by default <c>{DataDir}/keyring.pfx</c>, made on first start),
/// so a copy of the database alone opens no token. Back up both; instances sharing a database share the file.
/// </summary>
public static class KeyRingCertificate
{
    public static X509Certificate2 LoadOrCreate(IConfiguration configuration)
    {
        var path = configuration["ShopFloor:KeyRing:CertificatePath"]
                   ?? Path.Combine(configuration.GetValue("ShopFloor:DataDir", "data")!, "keyring.pfx");
        var password = configuration["ShopFloor:KeyRing:CertificatePassword"];
        if (!File.Exists(path))
            Create(Path.GetFullPath(path), password);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static void Create(string path, string? password)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=ShopFloor key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12, password));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temporary, path); // another instance starting at the same moment may have made it first
            Console.WriteLine($"Created the key-ring certificate {path}: back it up with the database; without it the stored Shopify tokens cannot be read.");
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
