using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StockLevelsByLocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stock_levels_location_id",
                table: "stock_levels");

            migrationBuilder.CreateIndex(
                name: "ix_stock_levels_location_id_variant_id",
                table: "stock_levels",
                columns: new[] { "location_id", "variant_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stock_levels_location_id_variant_id",
                table: "stock_levels");

            migrationBuilder.CreateIndex(
                name: "ix_stock_levels_location_id",
                table: "stock_levels",
                column: "location_id");
        }
    }
}
