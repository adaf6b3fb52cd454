using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "last_reconciled_at",
                table: "shopify_stores",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "orders_checked_until",
                table: "shopify_stores",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shopify_order_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    shopify_order_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    sales_order_id = table.Column<long>(type: "INTEGER", nullable: true),
                    shopify_updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "shopify_pushed_levels",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    shopify_location_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    inventory_item_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_pushed_levels", x => x.id);
                    table.ForeignKey(
                        name: "fk_shopify_pushed_levels_shopify_store_store_id",
                        column: x => x.store_id,
                        principalTable: "shopify_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shopify_sync_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    message = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_sync_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_shopify_sync_log_shopify_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "shopify_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shopify_webhook_inbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    webhook_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    shop_domain = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    processed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "text", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_webhook_inbox", x => x.id);
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

            migrationBuilder.CreateIndex(
                name: "ix_shopify_pushed_levels_store_id_inventory_item_id_shopify_location_id",
                table: "shopify_pushed_levels",
                columns: new[] { "store_id", "inventory_item_id", "shopify_location_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopify_sync_log_at",
                table: "shopify_sync_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_sync_log_store_id_id",
                table: "shopify_sync_log",
                columns: new[] { "store_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_shopify_webhook_inbox_status_next_attempt_at_id",
                table: "shopify_webhook_inbox",
                columns: new[] { "status", "next_attempt_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_shopify_webhook_inbox_webhook_id",
                table: "shopify_webhook_inbox",
                column: "webhook_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shopify_order_links");

            migrationBuilder.DropTable(
                name: "shopify_pushed_levels");

            migrationBuilder.DropTable(
                name: "shopify_sync_log");

            migrationBuilder.DropTable(
                name: "shopify_webhook_inbox");

            migrationBuilder.DropColumn(
                name: "last_reconciled_at",
                table: "shopify_stores");

            migrationBuilder.DropColumn(
                name: "orders_checked_until",
                table: "shopify_stores");
        }
    }
}
