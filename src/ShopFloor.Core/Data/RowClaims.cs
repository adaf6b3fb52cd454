using Microsoft.EntityFrameworkCore;

namespace ShopFloor.Core.Data;

public static class RowClaims
{
    /// <summary>
    /// What a claim query ends with so several instances on one PostgreSQL each take different rows. SQLite runs
    /// one instance, whose single worker per queue needs no row locks.
    /// </summary>
    public static string SkipLocked(this ShopFloorDbContext db) => db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
}
