using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SalesOrderAddressesTagsAndProperties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "properties",
                table: "sales_order_rows",
                type: "text",
                nullable: false,
                defaultValue: "[]"); // existing rows hold an empty list

            migrationBuilder.AddColumn<string>(
                name: "addresses",
                table: "sales_order",
                type: "text",
                nullable: false,
                defaultValue: "[]"); // existing rows hold an empty list

            migrationBuilder.AddColumn<string>(
                name: "tags",
                table: "sales_order",
                type: "text",
                nullable: false,
                defaultValue: "[]"); // existing rows hold an empty list
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "properties",
                table: "sales_order_rows");

            migrationBuilder.DropColumn(
                name: "addresses",
                table: "sales_order");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "sales_order");
        }
    }
}
