using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue16Zones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "zone_controls");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "venues",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "venues",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "compounds",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "compounds",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "zone_cases",
                columns: table => new
                {
                    ZoneId = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    EvidenceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EvidenceArgs = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_cases", x => new { x.ZoneId, x.CaseId });
                });

            migrationBuilder.CreateTable(
                name: "zone_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ZoneId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FromLevel = table.Column<int>(type: "integer", nullable: true),
                    ToLevel = table.Column<int>(type: "integer", nullable: true),
                    Rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OfficerUserId = table.Column<long>(type: "bigint", nullable: true),
                    ApproverUserId = table.Column<long>(type: "bigint", nullable: true),
                    PolicyVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "zone_households",
                columns: table => new
                {
                    ZoneId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    CompoundId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_households", x => new { x.ZoneId, x.HouseholdId });
                });

            migrationBuilder.CreateTable(
                name: "zone_members",
                columns: table => new
                {
                    ZoneId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    AddressId = table.Column<long>(type: "bigint", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByUserId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_members", x => new { x.ZoneId, x.Kind, x.AddressId });
                });

            migrationBuilder.CreateTable(
                name: "zones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Preset = table.Column<int>(type: "integer", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LevelSince = table.Column<DateOnly>(type: "date", nullable: true),
                    SetByUserId = table.Column<long>(type: "bigint", nullable: true),
                    ReasonKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReasonArgs = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DowngradedFromSealed = table.Column<bool>(type: "boolean", nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Residents = table.Column<int>(type: "integer", nullable: false),
                    PendingStep = table.Column<int>(type: "integer", nullable: true),
                    PendingLevel = table.Column<int>(type: "integer", nullable: true),
                    PendingRule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PendingByUserId = table.Column<long>(type: "bigint", nullable: true),
                    PendingAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zones", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_zone_cases_CaseId",
                table: "zone_cases",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_zone_changes_AtUtc_Kind",
                table: "zone_changes",
                columns: new[] { "AtUtc", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_zone_changes_ZoneId_AtUtc",
                table: "zone_changes",
                columns: new[] { "ZoneId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_zone_households_CompoundId_ZoneId",
                table: "zone_households",
                columns: new[] { "CompoundId", "ZoneId" });

            migrationBuilder.CreateIndex(
                name: "IX_zone_households_HouseholdId",
                table: "zone_households",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_zone_members_Kind_AddressId",
                table: "zone_members",
                columns: new[] { "Kind", "AddressId" });

            migrationBuilder.CreateIndex(
                name: "IX_zones_DistrictCode_State",
                table: "zones",
                columns: new[] { "DistrictCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_zones_Number",
                table: "zones",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_zones_State_Level",
                table: "zones",
                columns: new[] { "State", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "zone_cases");

            migrationBuilder.DropTable(
                name: "zone_changes");

            migrationBuilder.DropTable(
                name: "zone_households");

            migrationBuilder.DropTable(
                name: "zone_members");

            migrationBuilder.DropTable(
                name: "zones");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "venues");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "compounds");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "compounds");

            migrationBuilder.CreateTable(
                name: "zone_controls",
                columns: table => new
                {
                    CompoundId = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_controls", x => x.CompoundId);
                });
        }
    }
}
