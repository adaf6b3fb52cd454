using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Shopify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    xml = table.Column<string>(type: "text", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopify_stores",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    shop_domain = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    encrypted_access_token = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    scopes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    authorized_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sync_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    activated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    first_activated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    settings = table.Column<string>(type: "text", nullable: false),
                    staged_settings = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_stores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shopify_customer_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    shopify_customer_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    customer_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_customer_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_shopify_customer_links_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_shopify_customer_links_shopify_store_store_id",
                        column: x => x.store_id,
                        principalTable: "shopify_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shopify_import_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: true),
                    counts = table.Column<string>(type: "text", nullable: false),
                    errors = table.Column<string>(type: "text", nullable: false),
                    cursor = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    leased_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    failure = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_import_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_shopify_import_jobs_shopify_store_store_id",
                        column: x => x.store_id,
                        principalTable: "shopify_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shopify_locations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    shopify_location_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    location_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_locations", x => x.id);
                    table.ForeignKey(
                        name: "fk_shopify_locations_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_shopify_locations_shopify_store_store_id",
                        column: x => x.store_id,
                        principalTable: "shopify_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shopify_sku_mappings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    shopify_product_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    shopify_variant_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    shopify_inventory_item_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_synced_at = table.Column<DateTime>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "ix_shopify_customer_links_customer_id",
                table: "shopify_customer_links",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_customer_links_store_id_shopify_customer_id",
                table: "shopify_customer_links",
                columns: new[] { "store_id", "shopify_customer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopify_import_jobs_one_product_import",
                table: "shopify_import_jobs",
                columns: new[] { "store_id", "type" },
                unique: true,
                filter: "status IN ('Queued', 'Running') AND type = 'Products'");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_import_jobs_status_id",
                table: "shopify_import_jobs",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_shopify_locations_location_id",
                table: "shopify_locations",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_locations_store_id_shopify_location_id",
                table: "shopify_locations",
                columns: new[] { "store_id", "shopify_location_id" },
                unique: true);

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
                name: "ix_shopify_stores_shop_domain",
                table: "shopify_stores",
                column: "shop_domain",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "shopify_customer_links");

            migrationBuilder.DropTable(
                name: "shopify_import_jobs");

            migrationBuilder.DropTable(
                name: "shopify_locations");

            migrationBuilder.DropTable(
                name: "shopify_sku_mappings");

            migrationBuilder.DropTable(
                name: "shopify_stores");
        }
    }
}
