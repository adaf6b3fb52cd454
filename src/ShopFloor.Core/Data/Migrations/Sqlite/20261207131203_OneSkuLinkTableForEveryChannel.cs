using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneSkuLinkTableForEveryChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sku_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    store_product_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    store_item_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    store_stock_item_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    sku = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    pushed_quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sku_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_sku_links_variants_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sku_links_channel_store_id_store_item_id",
                table: "sku_links",
                columns: new[] { "channel", "store_id", "store_item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sku_links_channel_store_id_store_product_id",
                table: "sku_links",
                columns: new[] { "channel", "store_id", "store_product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sku_links_channel_store_id_store_stock_item_id",
                table: "sku_links",
                columns: new[] { "channel", "store_id", "store_stock_item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sku_links_sku",
                table: "sku_links",
                column: "sku");

            migrationBuilder.CreateIndex(
                name: "ix_sku_links_variant_id",
                table: "sku_links",
                column: "variant_id");

            // Both channels' links carry over. A WooCommerce item linked twice (an older variant and a newer one of the
            // same SKU) keeps its newest link, as the order intake already chose.
            migrationBuilder.Sql(
                "INSERT INTO sku_links (channel, store_id, store_product_id, store_item_id, store_stock_item_id, sku, variant_id, pushed_quantity, created_at, updated_at) " +
                "SELECT 'shopify', store_id, shopify_product_id, shopify_variant_id, NULLIF(shopify_inventory_item_id, ''), sku, variant_id, NULL, created_at, updated_at " +
                "FROM shopify_sku_mappings ORDER BY id");
            migrationBuilder.Sql(
                "INSERT INTO sku_links (channel, store_id, store_product_id, store_item_id, store_stock_item_id, sku, variant_id, pushed_quantity, created_at, updated_at) " +
                "SELECT 'woocommerce', store_id, CAST(woo_product_id AS TEXT), CAST(COALESCE(woo_variation_id, woo_product_id) AS TEXT), NULL, sku, variant_id, " +
                "pushed_quantity, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM woo_product_link " +
                "WHERE id IN (SELECT MAX(id) FROM woo_product_link GROUP BY store_id, COALESCE(woo_variation_id, woo_product_id)) ORDER BY id");

            migrationBuilder.DropTable(
                name: "shopify_sku_mappings");

            migrationBuilder.DropTable(
                name: "woo_product_link");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sku_links");

            migrationBuilder.CreateTable(
                name: "shopify_sku_mappings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_synced_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    shopify_inventory_item_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    shopify_product_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    shopify_variant_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_sku_mappings", x => x.id);
                    table.ForeignKey(
                        name: "fk_shopify_sku_mappings_shopify_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "shopify_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_shopify_sku_mappings_variants_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "woo_product_link",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    pushed_quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    sku = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    woo_product_id = table.Column<long>(type: "INTEGER", nullable: false),
                    woo_variation_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_woo_product_link", x => x.id);
                    table.ForeignKey(
                        name: "fk_woo_product_link_variants_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_woo_product_link_woo_store_store_id",
                        column: x => x.store_id,
                        principalTable: "woo_store",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shopify_sku_mappings_sku",
                table: "shopify_sku_mappings",
                column: "sku");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_sku_mappings_store_id_shopify_inventory_item_id",
                table: "shopify_sku_mappings",
                columns: new[] { "store_id", "shopify_inventory_item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_shopify_sku_mappings_store_id_shopify_variant_id",
                table: "shopify_sku_mappings",
                columns: new[] { "store_id", "shopify_variant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopify_sku_mappings_variant_id",
                table: "shopify_sku_mappings",
                column: "variant_id");

            migrationBuilder.CreateIndex(
                name: "ix_woo_product_link_store_id_variant_id",
                table: "woo_product_link",
                columns: new[] { "store_id", "variant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_woo_product_link_store_id_woo_product_id_woo_variation_id",
                table: "woo_product_link",
                columns: new[] { "store_id", "woo_product_id", "woo_variation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_woo_product_link_variant_id",
                table: "woo_product_link",
                column: "variant_id");
        }
    }
}
