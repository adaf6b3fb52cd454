using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ManufacturingRowsAndOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "created_at",
                table: "manufacturing_order_recipe_rows",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "notes",
                table: "manufacturing_order_recipe_rows",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "manufacturing_order_recipe_rows",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "production_date",
                table: "manufacturing_order_productions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "manufacturing_order_productions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Rows and productions made before these columns existed take their order's and their own creation time.
            migrationBuilder.Sql("UPDATE manufacturing_order_recipe_rows SET created_at = (SELECT o.created_at FROM manufacturing_order o WHERE o.id = manufacturing_order_id), updated_at = (SELECT o.created_at FROM manufacturing_order o WHERE o.id = manufacturing_order_id)");
            migrationBuilder.Sql("UPDATE manufacturing_order_productions SET production_date = created_at, updated_at = created_at");

            migrationBuilder.CreateTable(
                name: "manufacturing_order_operation_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    manufacturing_order_id = table.Column<long>(type: "INTEGER", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    operation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    operation_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    resource_id = table.Column<long>(type: "INTEGER", nullable: true),
                    resource_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    assigned_operators = table.Column<string>(type: "text", nullable: false),
                    completed_by_operators = table.Column<string>(type: "text", nullable: false),
                    planned_time_per_unit = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    cost_per_hour = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    total_actual_time = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manufacturing_order_operation_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_manufacturing_order_operation_rows_manufacturing_order_manufacturing_order_id",
                        column: x => x.manufacturing_order_id,
                        principalTable: "manufacturing_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_manufacturing_order_operation_rows_manufacturing_order_id_rank",
                table: "manufacturing_order_operation_rows",
                columns: new[] { "manufacturing_order_id", "rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "manufacturing_order_operation_rows");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "manufacturing_order_recipe_rows");

            migrationBuilder.DropColumn(
                name: "notes",
                table: "manufacturing_order_recipe_rows");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "manufacturing_order_recipe_rows");

            migrationBuilder.DropColumn(
                name: "production_date",
                table: "manufacturing_order_productions");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "manufacturing_order_productions");
        }
    }
}
