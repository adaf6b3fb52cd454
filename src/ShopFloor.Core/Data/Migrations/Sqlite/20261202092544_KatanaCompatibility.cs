using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KatanaCompatibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "average_cost",
                table: "stock_levels",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "safety_stock_level",
                table: "stock_levels",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "value_in_stock",
                table: "stock_levels",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<long>(
                name: "tax_rate_id",
                table: "sales_order_rows",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "average_cost_after",
                table: "inventory_movements",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "value_in_stock_after",
                table: "inventory_movements",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "tax_rate",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    rate = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    is_default_sales = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_default_purchases = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tax_rate", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_rows_tax_rate_id",
                table: "sales_order_rows",
                column: "tax_rate_id");

            migrationBuilder.AddForeignKey(
                name: "fk_sales_order_rows_tax_rate_tax_rate_id",
                table: "sales_order_rows",
                column: "tax_rate_id",
                principalTable: "tax_rate",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_sales_order_rows_tax_rate_tax_rate_id",
                table: "sales_order_rows");

            migrationBuilder.DropTable(
                name: "tax_rate");

            migrationBuilder.DropIndex(
                name: "ix_sales_order_rows_tax_rate_id",
                table: "sales_order_rows");

            migrationBuilder.DropColumn(
                name: "average_cost",
                table: "stock_levels");

            migrationBuilder.DropColumn(
                name: "safety_stock_level",
                table: "stock_levels");

            migrationBuilder.DropColumn(
                name: "value_in_stock",
                table: "stock_levels");

            migrationBuilder.DropColumn(
                name: "tax_rate_id",
                table: "sales_order_rows");

            migrationBuilder.DropColumn(
                name: "average_cost_after",
                table: "inventory_movements");

            migrationBuilder.DropColumn(
                name: "value_in_stock_after",
                table: "inventory_movements");
        }
    }
}
