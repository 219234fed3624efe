using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MigrantCover.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    is_disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_sign_in_at = table.Column<long>(type: "INTEGER", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<long>(type: "INTEGER", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    old_value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    new_value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "coverage_lookups",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    client_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverage_lookups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lookup_locks",
                columns: table => new
                {
                    identifier_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    window_started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lookup_locks", x => x.identifier_hash);
                });

            migrationBuilder.CreateTable(
                name: "membership_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membership_counters", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "placement_restrictions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    country_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_restrictions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    family_card_number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    name_key = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    sex = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place_of_birth = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    scheme = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    agency_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    agency_licence = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    destination_country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    occupation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    employer_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    contract_months = table.Column<int>(type: "INTEGER", nullable: false),
                    extension_months = table.Column<int>(type: "INTEGER", nullable: false),
                    placement_agreement_signed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    passport_number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    membership_number = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    registered_month = table.Column<int>(type: "INTEGER", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    regency_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    departed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    departed_month = table.Column<int>(type: "INTEGER", nullable: true),
                    arrived_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    failed_departure_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawn_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    died_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    cover_phase = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    covered_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    covered_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    role_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_verifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: false),
                    verified_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_verifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_verifications_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    paid_month = table.Column<int>(type: "INTEGER", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    months = table.Column<int>(type: "INTEGER", nullable: true),
                    monthly_amount = table.Column<long>(type: "INTEGER", nullable: true),
                    rule_set = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stage_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    worker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    from_stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    to_stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    months = table.Column<int>(type: "INTEGER", nullable: true),
                    payment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stage_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_stage_events_workers_worker_id",
                        column: x => x.worker_id,
                        principalTable: "workers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "placement_restrictions",
                columns: new[] { "id", "category", "country_code", "created_at", "created_by", "legal_basis", "valid_from", "valid_to" },
                values: new object[,]
                {
                    { 1, "domestic", "SA", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 2, "domestic", "DZ", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 3, "domestic", "BH", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 4, "domestic", "IQ", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 5, "domestic", "KW", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 6, "domestic", "LB", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 7, "domestic", "LY", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 8, "domestic", "MA", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 9, "domestic", "MR", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 10, "domestic", "EG", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 11, "domestic", "OM", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 12, "domestic", "PS", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 13, "domestic", "QA", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 14, "domestic", "SD", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 15, "domestic", "SY", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 16, "domestic", "TN", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 17, "domestic", "AE", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 18, "domestic", "YE", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null },
                    { 19, "domestic", "JO", 1303288676352000000L, "system", "Kepmenaker No. 260 Tahun 2015", new DateOnly(2015, 7, 1), null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "AspNetRoleClaims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "AspNetUserClaims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "AspNetUserLogins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "AspNetUserRoles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_name_at",
                table: "audit_entries",
                columns: new[] { "actor_name", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_worker_id_at",
                table: "audit_entries",
                columns: new[] { "worker_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_coverage_lookups_at",
                table: "coverage_lookups",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_lookups_worker_id_at",
                table: "coverage_lookups",
                columns: new[] { "worker_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_document_verifications_worker_id_type",
                table: "document_verifications",
                columns: new[] { "worker_id", "type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_paid_month_kind",
                table: "payments",
                columns: new[] { "paid_month", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_reference",
                table: "payments",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_worker_id_paid_on",
                table: "payments",
                columns: new[] { "worker_id", "paid_on" });

            migrationBuilder.CreateIndex(
                name: "ix_placement_restrictions_country_code_category",
                table: "placement_restrictions",
                columns: new[] { "country_code", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_stage_events_worker_id_occurred_on",
                table: "stage_events",
                columns: new[] { "worker_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_departed_month",
                table: "workers",
                column: "departed_month");

            migrationBuilder.CreateIndex(
                name: "ix_workers_destination_country_stage",
                table: "workers",
                columns: new[] { "destination_country", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_membership_number",
                table: "workers",
                column: "membership_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workers_name_key",
                table: "workers",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_workers_nik",
                table: "workers",
                column: "nik",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workers_passport_number",
                table: "workers",
                column: "passport_number");

            migrationBuilder.CreateIndex(
                name: "ix_workers_province_code_stage",
                table: "workers",
                columns: new[] { "province_code", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_registered_month_stage",
                table: "workers",
                columns: new[] { "registered_month", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_registered_on_id",
                table: "workers",
                columns: new[] { "registered_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_scheme_stage",
                table: "workers",
                columns: new[] { "scheme", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_stage_covered_until",
                table: "workers",
                columns: new[] { "stage", "covered_until" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_stage_registered_on",
                table: "workers",
                columns: new[] { "stage", "registered_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "coverage_lookups");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "document_verifications");

            migrationBuilder.DropTable(
                name: "lookup_locks");

            migrationBuilder.DropTable(
                name: "membership_counters");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "placement_restrictions");

            migrationBuilder.DropTable(
                name: "stage_events");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "workers");
        }
    }
}
