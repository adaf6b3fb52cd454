using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstallStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shopify_used_install_states",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    nonce = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    used_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_used_install_states", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shopify_used_install_states_nonce",
                table: "shopify_used_install_states",
                column: "nonce",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shopify_used_install_states");
        }
    }
}
