using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkEveryShopifySalesOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sales orders imported before the import became one transaction could miss their link (a crash between
            // the two saves): give each one, as old as can be, so the next version of the order is applied to it.
            migrationBuilder.Sql("""
                INSERT INTO shopify_order_links (store_id, shopify_order_id, sales_order_id, shopify_updated_at)
                SELECT o.store_id, o.shopify_order_id, o.id, '0001-01-01 00:00:00'
                FROM sales_order o
                WHERE o.store_id IS NOT NULL AND o.shopify_order_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM shopify_order_links l WHERE l.store_id = o.store_id AND l.shopify_order_id = o.shopify_order_id)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
