using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClaimsHeirsAndClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    incident_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reported_month = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    claimed_amount = table.Column<long>(type: "bigint", nullable: true),
                    cause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    trigger = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    reporter_role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reporter_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    reporter_contact = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    eligible = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    programme = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    phase = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    rule_set = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    estimated_amount = table.Column<long>(type: "bigint", nullable: true),
                    last_report_on = table.Column<DateOnly>(type: "date", nullable: true),
                    two_stage = table.Column<bool>(type: "boolean", nullable: false),
                    outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    outcome_on = table.Column<DateOnly>(type: "date", nullable: true),
                    payee_heir_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payee_relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    certificate_heirs = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    not_recorded_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    guardian_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    funeral_arranger_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    heir_snapshot = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    verified_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    verified_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    approved_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: true),
                    amount_basis = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    amount_rule_set = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    amount_phase = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    amount_cap = table.Column<long>(type: "bigint", nullable: true),
                    amount_claimed = table.Column<long>(type: "bigint", nullable: true),
                    amount_contributions = table.Column<long>(type: "bigint", nullable: true),
                    amount_withdrawn = table.Column<long>(type: "bigint", nullable: true),
                    funeral_only = table.Column<bool>(type: "boolean", nullable: false),
                    payment_reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    paid_month = table.Column<int>(type: "integer", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    rejection_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_claims_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "heirs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sex = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_heirs", x => x.id);
                    table.ForeignKey(
                        name: "fk_heirs_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    report = table.Column<int>(type: "integer", nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    verified = table.Column<bool>(type: "boolean", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    verified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_claim_documents_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_claim_documents_claim_id_code",
                table: "claim_documents",
                columns: new[] { "claim_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_number",
                table: "claims",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_payment_reference",
                table: "claims",
                column: "payment_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_reported_month_type",
                table: "claims",
                columns: new[] { "reported_month", "type" })
                .Annotation("Npgsql:IndexInclude", new[] { "state", "amount", "estimated_amount" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_reported_on",
                table: "claims",
                column: "reported_on");

            migrationBuilder.CreateIndex(
                name: "ix_claims_state_type",
                table: "claims",
                columns: new[] { "state", "type" })
                .Annotation("Npgsql:IndexInclude", new[] { "reported_month", "amount", "estimated_amount" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_worker_id_type_incident_on",
                table: "claims",
                columns: new[] { "worker_id", "type", "incident_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_heirs_worker_id",
                table: "heirs",
                column: "worker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claim_documents");

            migrationBuilder.DropTable(
                name: "heirs");

            migrationBuilder.DropTable(
                name: "claims");
        }
    }
}
