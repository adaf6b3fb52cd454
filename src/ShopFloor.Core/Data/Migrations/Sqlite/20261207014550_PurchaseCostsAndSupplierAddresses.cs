using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PurchaseCostsAndSupplierAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "additional_costs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_additional_costs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supplier_addresses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    supplier_id = table.Column<long>(type: "INTEGER", nullable: false),
                    line_1 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    line_2 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    zip = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    country = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_addresses", x => x.id);
                    table.ForeignKey(
                        name: "fk_supplier_addresses_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "purchase_order_cost_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    purchase_order_id = table.Column<long>(type: "INTEGER", nullable: false),
                    additional_cost_id = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_rate_id = table.Column<long>(type: "INTEGER", nullable: false),
                    price = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    distribution = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_order_cost_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchase_order_cost_rows_additional_costs_additional_cost_id",
                        column: x => x.additional_cost_id,
                        principalTable: "additional_costs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_purchase_order_cost_rows_purchase_order_purchase_order_id",
                        column: x => x.purchase_order_id,
                        principalTable: "purchase_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_purchase_order_cost_rows_tax_rate_tax_rate_id",
                        column: x => x.tax_rate_id,
                        principalTable: "tax_rate",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "additional_costs",
                columns: new[] { "id", "created_at", "name", "updated_at" },
                values: new object[,]
                {
                    { 1L, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), "Shipping", new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { 2L, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), "Customs duty", new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { 3L, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), "Handling", new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc) }
                });

            migrationBuilder.CreateIndex(
                name: "ix_additional_costs_name",
                table: "additional_costs",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purchase_order_cost_rows_additional_cost_id",
                table: "purchase_order_cost_rows",
                column: "additional_cost_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchase_order_cost_rows_purchase_order_id",
                table: "purchase_order_cost_rows",
                column: "purchase_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchase_order_cost_rows_tax_rate_id",
                table: "purchase_order_cost_rows",
                column: "tax_rate_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_addresses_supplier_id",
                table: "supplier_addresses",
                column: "supplier_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "purchase_order_cost_rows");

            migrationBuilder.DropTable(
                name: "supplier_addresses");

            migrationBuilder.DropTable(
                name: "additional_costs");
        }
    }
}
