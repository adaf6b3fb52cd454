using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deleted_shopify_order",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_id = table.Column<long>(type: "bigint", nullable: false),
                    shopify_order_id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sales_order_id = table.Column<long>(type: "bigint", nullable: true),
                    shopify_order_id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    shopify_updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    store_id = table.Column<long>(type: "bigint", nullable: false)
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
