using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportJobsForEveryChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: true),
                    counts = table.Column<string>(type: "text", nullable: false),
                    errors = table.Column<string>(type: "text", nullable: false),
                    cursor = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    leased_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    failure = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_channel_store_id_id",
                table: "import_jobs",
                columns: new[] { "channel", "store_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_one_product_import",
                table: "import_jobs",
                columns: new[] { "channel", "store_id", "type" },
                unique: true,
                filter: "status IN ('Queued', 'Running') AND type = 'Products'");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_status_id",
                table: "import_jobs",
                columns: new[] { "status", "id" });

            // The Shopify stores' jobs carry over with their ids (the API and the store page name them).
            migrationBuilder.Sql(
                "INSERT INTO import_jobs (channel, id, store_id, type, status, done, total, counts, errors, cursor, attempts, leased_until, failure, created_at, started_at, finished_at) " +
                "SELECT 'shopify', id, store_id, type, status, done, total, counts, errors, cursor, attempts, leased_until, failure, created_at, started_at, finished_at FROM shopify_import_jobs ORDER BY id");

            migrationBuilder.DropTable(
                name: "shopify_import_jobs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_jobs");

            migrationBuilder.CreateTable(
                name: "shopify_import_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    counts = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    cursor = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    errors = table.Column<string>(type: "text", nullable: false),
                    failure = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    leased_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    store_id = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopify_import_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_shopify_import_jobs_shopify_store_store_id",
                        column: x => x.store_id,
                        principalTable: "shopify_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shopify_import_jobs_one_product_import",
                table: "shopify_import_jobs",
                columns: new[] { "store_id", "type" },
                unique: true,
                filter: "status IN ('Queued', 'Running') AND type = 'Products'");

            migrationBuilder.CreateIndex(
                name: "ix_shopify_import_jobs_status_id",
                table: "shopify_import_jobs",
                columns: new[] { "status", "id" });
        }
    }
}
