using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChannelNeutralSyncLogAndRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "shopify_return_id",
                table: "sales_return",
                newName: "store_return_id");

            migrationBuilder.RenameColumn(
                name: "shopify_line_item_id",
                table: "sales_order_rows",
                newName: "store_line_item_id");

            migrationBuilder.AddColumn<List<long>>(
                name: "settled_refunds",
                table: "woo_order_link",
                type: "bigint[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.CreateTable(
                name: "sync_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    store_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    message = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    reference = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sync_log_at",
                table: "sync_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_sync_log_channel_store_id_id",
                table: "sync_log",
                columns: new[] { "channel", "store_id", "id" });

            // The Shopify stores' log lines carry over, as the channel-neutral log's first lines.
            migrationBuilder.Sql(
                "INSERT INTO sync_log (channel, store_id, at, direction, subject, outcome, message, reference) " +
                "SELECT 'shopify', store_id, at, direction, subject, outcome, message, reference FROM shopify_sync_log ORDER BY id");

            migrationBuilder.DropTable(
                name: "shopify_sync_log");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sync_log");

            migrationBuilder.DropColumn(
                name: "settled_refunds",
                table: "woo_order_link");

            migrationBuilder.RenameColumn(
                name: "store_return_id",
                table: "sales_return",
                newName: "shopify_return_id");

            migrationBuilder.RenameColumn(
                name: "store_line_item_id",
                table: "sales_order_rows",
                newName: "shopify_line_item_id");

            migrationBuilder.CreateTable(
                name: "shopify_sync_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    message = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reference = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    store_id = table.Column<long>(type: "bigint", nullable: false),
                    subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "ix_shopify_sync_log_at",
                table: "shopify_sync_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_sync_log_store_id_id",
                table: "shopify_sync_log",
                columns: new[] { "store_id", "id" });
        }
    }
}
