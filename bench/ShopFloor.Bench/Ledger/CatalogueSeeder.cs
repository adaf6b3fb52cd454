using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;

namespace ShopFloor.Bench.Ledger;

/// <summary>A catalogue of N variants, 10% of them kits of 3–5 components, across 3 locations, every level stocked.</summary>
internal static class CatalogueSeeder
{
    public static async Task<Catalogue> SeedAsync(ShopFloorDbContext db, int variants, Random random)
    {
        var now = DateTime.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var locations = Enumerable.Range(1, 3).Select(i => new Location($"Location {i}", now)).ToList();
        db.Locations.AddRange(locations);
        await db.SaveChangesAsync();

        var kits = variants / 10;
        for (var start = 0; start < variants; start += 10_000)
        {
            for (var i = start; i < Math.Min(variants, start + 10_000); i++)
            {
                var item = new Item(i < kits ? ItemKind.Product : ItemKind.Material, $"Item {i}", now);
                item.MarkKit(i < kits);
                item.AddVariant($"SKU-{i}", now);
                db.Items.Add(item);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var ids = await db.Variants.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync();
        var kitIds = ids.Take(kits).ToList();
        var componentIds = ids.Skip(kits).ToList();
        var usedComponents = new HashSet<long>();
        foreach (var kit in kitIds)
        {
            foreach (var component in componentIds.OrderBy(_ => random.Next()).Take(random.Next(3, 6)).ToList() is var picked ? picked : [])
            {
                db.BomRows.Add(new BomRow(kit, component, random.Next(1, 4), now));
                usedComponents.Add(component);
            }
            if (db.ChangeTracker.Entries().Count() > 20_000)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // Opening stock: 1,000 of every component at every location, one movement each (in stock = sum of movements).
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO stock_levels (variant_id, location_id, in_stock, committed, expected, potential)
            SELECT v.id, l.id, CASE WHEN i.is_kit THEN 0 ELSE 1000 END, 0, 0, CASE WHEN i.is_kit THEN 333 ELSE NULL END
            FROM variants v JOIN items i ON i.id = v.item_id CROSS JOIN locations l
            """);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO inventory_movements (variant_id, location_id, resource_type, resource_id, quantity_change, balance_after, movement_date, created_at)
            SELECT s.variant_id, s.location_id, 'SystemGenerated', 0, s.in_stock, s.in_stock, '2026-01-01 00:00:00', '2026-01-01 00:00:00'
            FROM stock_levels s WHERE s.potential IS NULL
            """);
        return new Catalogue(locations.Select(l => l.Id).ToList(), componentIds, usedComponents.ToList());
    }
}

internal sealed record Catalogue(List<long> Locations, List<long> Components, List<long> KitComponents);
