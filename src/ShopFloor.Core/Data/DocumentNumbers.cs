using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopFloor.Core.Data;

/// <summary>The last number given to documents of one kind ("SO", "MO", …).</summary>
public sealed class DocumentCounter
{
    public string Prefix { get; private set; } = "";
    public long Last { get; private set; }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> counter)
    {
        counter.ToTable("document_counters");
        counter.HasKey(c => c.Prefix);
        counter.Property(c => c.Prefix).HasMaxLength(10);
    }
}

public static class DocumentNumbers
{
    /// <summary>
    /// The next number of a kind of document ("SO" gives "SO-13"): a counter row taken and raised in the caller's
    /// transaction, so two documents made at once get two numbers and a deleted document's number is never given
    /// again. The first time, the counter starts after <paramref name="existing"/> documents; a number a person
    /// already gave to a document by hand is skipped.
    /// </summary>
    public static async Task<string> NextNumberAsync(this ShopFloorDbContext db, string prefix, Func<CancellationToken, Task<long>> existing,
        Func<string, CancellationToken, Task<bool>> taken, CancellationToken ct)
    {
        var start = await db.Set<DocumentCounter>().AnyAsync(c => c.Prefix == prefix, ct) ? 0 : await existing(ct);
        while (true)
        {
            // One statement on both databases: the row is made or raised, and stays locked until the transaction ends.
            var next = (await db.Database.SqlQueryRaw<long>(
                "INSERT INTO document_counters (prefix, last) VALUES ({0}, {1}) ON CONFLICT (prefix) DO UPDATE SET last = document_counters.last + 1 RETURNING last AS \"Value\"",
                prefix, start + 1).ToListAsync(ct)).Single();
            var number = $"{prefix}-{next}";
            if (!await taken(number, ct))
                return number;
        }
    }
}
