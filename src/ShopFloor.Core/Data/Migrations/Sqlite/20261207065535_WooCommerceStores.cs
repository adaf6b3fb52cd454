using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WooCommerceStores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "woo_store",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    url = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    location_id = table.Column<long>(type: "INTEGER", nullable: false),
                    encrypted_keys = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    encrypted_webhook_secret = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    connected_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sync_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    orders_checked_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    catch_up_taken_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_woo_store", x => x.id);
                    table.ForeignKey(
                        name: "fk_woo_store_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "woo_order_link",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    woo_order_id = table.Column<long>(type: "INTEGER", nullable: false),
                    sales_order_id = table.Column<long>(type: "INTEGER", nullable: true),
                    applied_version = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_in_store = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_woo_order_link", x => x.id);
                    table.ForeignKey(
                        name: "fk_woo_order_link_sales_order_sales_order_id",
                        column: x => x.sales_order_id,
                        principalTable: "sales_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_woo_order_link_woo_store_store_id",
                        column: x => x.store_id,
                        principalTable: "woo_store",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "woo_product_link",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    woo_product_id = table.Column<long>(type: "INTEGER", nullable: false),
                    woo_variation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    sku = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    pushed_quantity = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "ix_woo_order_link_sales_order_id",
                table: "woo_order_link",
                column: "sales_order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_woo_order_link_store_id_woo_order_id",
                table: "woo_order_link",
                columns: new[] { "store_id", "woo_order_id" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_woo_store_location_id",
                table: "woo_store",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_woo_store_url",
                table: "woo_store",
                column: "url",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "woo_order_link");

            migrationBuilder.DropTable(
                name: "woo_product_link");

            migrationBuilder.DropTable(
                name: "woo_store");
        }
    }
}
