using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ShopFloor.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "manufacturing_order",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order_no = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    location_id = table.Column<long>(type: "bigint", nullable: false),
                    planned_quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sales_order_row_id = table.Column<long>(type: "bigint", nullable: true),
                    sales_order_id = table.Column<long>(type: "bigint", nullable: true),
                    unlinked_from_sales_order = table.Column<bool>(type: "boolean", nullable: false),
                    additional_info = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    done_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manufacturing_order", x => x.id);
                    table.ForeignKey(
                        name: "fk_manufacturing_order_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_manufacturing_order_variants_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "purchase_order",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order_no = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    supplier_id = table.Column<long>(type: "bigint", nullable: false),
                    location_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    currency = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    expected_arrival_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    additional_info = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_order", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchase_order_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_purchase_order_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_order",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order_no = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    customer_id = table.Column<long>(type: "bigint", nullable: true),
                    location_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_quote = table.Column<bool>(type: "boolean", nullable: false),
                    is_cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    commits_stock = table.Column<bool>(type: "boolean", nullable: false),
                    priority_rank = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    store_id = table.Column<long>(type: "bigint", nullable: true),
                    shopify_order_id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    shopify_order_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    currency = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    additional_info = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_order_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_sales_order_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "manufacturing_order_productions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    manufacturing_order_id = table.Column<long>(type: "bigint", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    is_completion = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manufacturing_order_productions", x => x.id);
                    table.ForeignKey(
                        name: "fk_manufacturing_order_productions_manufacturing_order_manufac",
                        column: x => x.manufacturing_order_id,
                        principalTable: "manufacturing_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "manufacturing_order_recipe_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    manufacturing_order_id = table.Column<long>(type: "bigint", nullable: false),
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    quantity_per_unit = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manufacturing_order_recipe_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_manufacturing_order_recipe_rows_manufacturing_order_manufac",
                        column: x => x.manufacturing_order_id,
                        principalTable: "manufacturing_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_manufacturing_order_recipe_rows_variants_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "purchase_order_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    purchase_order_id = table.Column<long>(type: "bigint", nullable: false),
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    price_per_unit = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    received = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_order_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchase_order_rows_purchase_order_purchase_order_id",
                        column: x => x.purchase_order_id,
                        principalTable: "purchase_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_purchase_order_rows_variants_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_order_fulfillments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sales_order_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    tracking_number = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    tracking_url = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    tracking_carrier = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    shopify_fulfillment_id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order_fulfillments", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_order_fulfillments_sales_order_sales_order_id",
                        column: x => x.sales_order_id,
                        principalTable: "sales_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_order_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sales_order_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    variant_id = table.Column<long>(type: "bigint", nullable: true),
                    description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    price_per_unit = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    tax_rate = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: true),
                    location_id = table.Column<long>(type: "bigint", nullable: false),
                    tracks_stock = table.Column<bool>(type: "boolean", nullable: false),
                    packed = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    delivered = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    availability = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    shopify_line_item_id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    linked_manufacturing_order_id = table.Column<long>(type: "bigint", nullable: true),
                    expected_from_manufacturing = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_order_rows_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sales_order_rows_sales_order_sales_order_id",
                        column: x => x.sales_order_id,
                        principalTable: "sales_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_order_rows_variants_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_return",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    return_no = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    sales_order_id = table.Column<long>(type: "bigint", nullable: false),
                    location_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    additional_info = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    shopify_return_id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    returned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_return", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_return_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sales_return_sales_order_sales_order_id",
                        column: x => x.sales_order_id,
                        principalTable: "sales_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales_order_fulfillment_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sales_order_fulfillment_id = table.Column<long>(type: "bigint", nullable: false),
                    sales_order_row_id = table.Column<long>(type: "bigint", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_order_fulfillment_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_order_fulfillment_rows_sales_order_fulfillment_sales_",
                        column: x => x.sales_order_fulfillment_id,
                        principalTable: "sales_order_fulfillments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_order_fulfillment_rows_sales_order_row_sales_order_ro",
                        column: x => x.sales_order_row_id,
                        principalTable: "sales_order_rows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_return_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sales_return_id = table.Column<long>(type: "bigint", nullable: false),
                    sales_order_row_id = table.Column<long>(type: "bigint", nullable: false),
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    restock = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_return_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_return_rows_sales_order_row_sales_order_row_id",
                        column: x => x.sales_order_row_id,
                        principalTable: "sales_order_rows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sales_return_rows_sales_return_sales_return_id",
                        column: x => x.sales_return_id,
                        principalTable: "sales_return",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_manufacturing_order_location_id",
                table: "manufacturing_order",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_manufacturing_order_sales_order_row_id",
                table: "manufacturing_order",
                column: "sales_order_row_id");

            migrationBuilder.CreateIndex(
                name: "ix_manufacturing_order_variant_id",
                table: "manufacturing_order",
                column: "variant_id");

            migrationBuilder.CreateIndex(
                name: "ix_manufacturing_order_productions_manufacturing_order_id",
                table: "manufacturing_order_productions",
                column: "manufacturing_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_manufacturing_order_recipe_rows_manufacturing_order_id",
                table: "manufacturing_order_recipe_rows",
                column: "manufacturing_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_manufacturing_order_recipe_rows_variant_id",
                table: "manufacturing_order_recipe_rows",
                column: "variant_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchase_order_location_id",
                table: "purchase_order",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchase_order_supplier_id",
                table: "purchase_order",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchase_order_rows_purchase_order_id",
                table: "purchase_order_rows",
                column: "purchase_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchase_order_rows_variant_id",
                table: "purchase_order_rows",
                column: "variant_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_customer_id",
                table: "sales_order",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_location_id",
                table: "sales_order",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_priority_rank",
                table: "sales_order",
                column: "priority_rank");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_status_priority_rank",
                table: "sales_order",
                columns: new[] { "status", "priority_rank" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_store_id_shopify_order_id",
                table: "sales_order",
                columns: new[] { "store_id", "shopify_order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_fulfillment_rows_sales_order_fulfillment_id",
                table: "sales_order_fulfillment_rows",
                column: "sales_order_fulfillment_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_fulfillment_rows_sales_order_row_id",
                table: "sales_order_fulfillment_rows",
                column: "sales_order_row_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_fulfillments_sales_order_id",
                table: "sales_order_fulfillments",
                column: "sales_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_rows_location_id",
                table: "sales_order_rows",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_rows_sales_order_id",
                table: "sales_order_rows",
                column: "sales_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_rows_variant_id_location_id",
                table: "sales_order_rows",
                columns: new[] { "variant_id", "location_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_return_location_id",
                table: "sales_return",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_return_sales_order_id",
                table: "sales_return",
                column: "sales_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_return_rows_sales_order_row_id",
                table: "sales_return_rows",
                column: "sales_order_row_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_return_rows_sales_return_id",
                table: "sales_return_rows",
                column: "sales_return_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "manufacturing_order_productions");

            migrationBuilder.DropTable(
                name: "manufacturing_order_recipe_rows");

            migrationBuilder.DropTable(
                name: "purchase_order_rows");

            migrationBuilder.DropTable(
                name: "sales_order_fulfillment_rows");

            migrationBuilder.DropTable(
                name: "sales_return_rows");

            migrationBuilder.DropTable(
                name: "manufacturing_order");

            migrationBuilder.DropTable(
                name: "purchase_order");

            migrationBuilder.DropTable(
                name: "sales_order_fulfillments");

            migrationBuilder.DropTable(
                name: "sales_order_rows");

            migrationBuilder.DropTable(
                name: "sales_return");

            migrationBuilder.DropTable(
                name: "sales_order");
        }
    }
}
