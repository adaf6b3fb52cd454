using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneRecordOfTheShopifyOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "shopify_updated_at",
                table: "sales_order",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deleted_shopify_order",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    shopify_order_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deleted_shopify_order", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deleted_shopify_order_store_id_shopify_order_id",
                table: "deleted_shopify_order",
                columns: new[] { "store_id", "shopify_order_id" },
                unique: true);

            // The sales order now holds the version applied; a deleted one leaves its mark in deleted_shopify_order.
            migrationBuilder.Sql("""
                UPDATE sales_order SET shopify_updated_at =
                    (SELECT l.shopify_updated_at FROM shopify_order_links l WHERE l.sales_order_id = sales_order.id)
                WHERE store_id IS NOT NULL
                """);
            migrationBuilder.Sql("""
                INSERT INTO deleted_shopify_order (store_id, shopify_order_id, deleted_at)
                SELECT store_id, shopify_order_id, CURRENT_TIMESTAMP FROM shopify_order_links WHERE sales_order_id IS NULL
                """);
            migrationBuilder.DropTable(
                name: "shopify_order_links");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deleted_shopify_order");

            migrationBuilder.DropColumn(
                name: "shopify_updated_at",
                table: "sales_order");

            migrationBuilder.CreateTable(
                name: "shopify_order_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sales_order_id = table.Column<long>(type: "INTEGER", nullable: true),
                    shopify_order_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    shopify_updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_order_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_shopify_order_links_sales_order_sales_order_id",
                        column: x => x.sales_order_id,
                        principalTable: "sales_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_shopify_order_links_shopify_store_store_id",
                        column: x => x.store_id,
                        principalTable: "shopify_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shopify_order_links_sales_order_id",
                table: "shopify_order_links",
                column: "sales_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_order_links_store_id_shopify_order_id",
                table: "shopify_order_links",
                columns: new[] { "store_id", "shopify_order_id" },
                unique: true);
        }
    }
}
