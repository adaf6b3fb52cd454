using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChannelSyncCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_shopify_webhook_inbox",
                table: "shopify_webhook_inbox");

            migrationBuilder.DropIndex(
                name: "ix_shopify_webhook_inbox_webhook_id",
                table: "shopify_webhook_inbox");

            migrationBuilder.RenameTable(
                name: "shopify_webhook_inbox",
                newName: "webhook_inbox");

            migrationBuilder.RenameColumn(
                name: "shopify_fulfillment_id",
                table: "sales_order_fulfillments",
                newName: "store_fulfillment_id");

            migrationBuilder.RenameColumn(
                name: "shop_domain",
                table: "webhook_inbox",
                newName: "store_key");

            migrationBuilder.RenameIndex(
                name: "ix_shopify_webhook_inbox_status_next_attempt_at_id",
                table: "webhook_inbox",
                newName: "ix_webhook_inbox_status_next_attempt_at_id");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "webhook_inbox",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "shopify");

            migrationBuilder.AddPrimaryKey(
                name: "pk_webhook_inbox",
                table: "webhook_inbox",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_inbox_channel_webhook_id",
                table: "webhook_inbox",
                columns: new[] { "channel", "webhook_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_webhook_inbox",
                table: "webhook_inbox");

            migrationBuilder.DropIndex(
                name: "ix_webhook_inbox_channel_webhook_id",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "webhook_inbox");

            migrationBuilder.RenameTable(
                name: "webhook_inbox",
                newName: "shopify_webhook_inbox");

            migrationBuilder.RenameColumn(
                name: "store_fulfillment_id",
                table: "sales_order_fulfillments",
                newName: "shopify_fulfillment_id");

            migrationBuilder.RenameColumn(
                name: "store_key",
                table: "shopify_webhook_inbox",
                newName: "shop_domain");

            migrationBuilder.RenameIndex(
                name: "ix_webhook_inbox_status_next_attempt_at_id",
                table: "shopify_webhook_inbox",
                newName: "ix_shopify_webhook_inbox_status_next_attempt_at_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_shopify_webhook_inbox",
                table: "shopify_webhook_inbox",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_webhook_inbox_webhook_id",
                table: "shopify_webhook_inbox",
                column: "webhook_id",
                unique: true);
        }
    }
}
