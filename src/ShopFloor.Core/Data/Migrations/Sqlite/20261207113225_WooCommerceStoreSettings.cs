using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WooCommerceStoreSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "settings",
                table: "woo_store",
                type: "text",
                nullable: false,
                defaultValue: "{}"); // the defaults: the whole two-way sync

            migrationBuilder.AddColumn<bool>(
                name: "sync_paused",
                table: "woo_store",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "settings",
                table: "woo_store");

            migrationBuilder.DropColumn(
                name: "sync_paused",
                table: "woo_store");
        }
    }
}
