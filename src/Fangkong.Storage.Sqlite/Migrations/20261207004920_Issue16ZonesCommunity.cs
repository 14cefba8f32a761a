using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue16ZonesCommunity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "zone_controls");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "venues",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "venues",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "JurisdictionId",
                table: "users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JurisdictionLevel",
                table: "users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "compounds",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "compounds",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "community_problems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridId = table.Column<long>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AnsweredByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "grid_households",
                columns: table => new
                {
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    JointUnitId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grid_households", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "grids",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grids", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "joint_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    GridId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsiblePersonId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joint_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "screening_members",
                columns: table => new
                {
                    ScreeningId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    AwayAt = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AwaySince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedFrom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_members", x => new { x.ScreeningId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "screenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screenings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "special_group_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Group = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponsiblePhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RegisteredByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedByUserId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_special_group_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "zone_cases",
                columns: table => new
                {
                    ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    EvidenceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EvidenceArgs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_cases", x => new { x.ZoneId, x.CaseId });
                });

            migrationBuilder.CreateTable(
                name: "zone_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FromLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ToLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OfficerUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    ApproverUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "zone_households",
                columns: table => new
                {
                    ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompoundId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_households", x => new { x.ZoneId, x.HouseholdId });
                });

            migrationBuilder.CreateTable(
                name: "zone_members",
                columns: table => new
                {
                    ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AddressId = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByUserId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_members", x => new { x.ZoneId, x.Kind, x.AddressId });
                });

            migrationBuilder.CreateTable(
                name: "zones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Preset = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProposedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LevelSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SetByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReasonKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReasonArgs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DowngradedFromSealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingStep = table.Column<int>(type: "INTEGER", nullable: true),
                    PendingLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    PendingRule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PendingByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zones", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_problems_CommunityId_State",
                table: "community_problems",
                columns: new[] { "CommunityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_community_problems_GridId_State",
                table: "community_problems",
                columns: new[] { "GridId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_community_problems_RaisedByUserId",
                table: "community_problems",
                column: "RaisedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_grid_households_CommunityId_GridId",
                table: "grid_households",
                columns: new[] { "CommunityId", "GridId" });

            migrationBuilder.CreateIndex(
                name: "IX_grid_households_GridId_HouseholdId",
                table: "grid_households",
                columns: new[] { "GridId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_grid_households_JointUnitId",
                table: "grid_households",
                column: "JointUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_grids_CommunityId_Number",
                table: "grids",
                columns: new[] { "CommunityId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_joint_units_GridId_Number",
                table: "joint_units",
                columns: new[] { "GridId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_screening_members_PersonId",
                table: "screening_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_screenings_CommunityId_VisitedAtUtc",
                table: "screenings",
                columns: new[] { "CommunityId", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_screenings_GridId_VisitedAtUtc",
                table: "screenings",
                columns: new[] { "GridId", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_screenings_HouseholdId_VisitedAtUtc",
                table: "screenings",
                columns: new[] { "HouseholdId", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_special_group_members_active",
                table: "special_group_members",
                columns: new[] { "PersonId", "Group" },
                unique: true,
                filter: "\"EndedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_special_group_members_CommunityId_Group",
                table: "special_group_members",
                columns: new[] { "CommunityId", "Group" });

            migrationBuilder.CreateIndex(
                name: "IX_special_group_members_GridId_Group",
                table: "special_group_members",
                columns: new[] { "GridId", "Group" });

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
                name: "community_problems");

            migrationBuilder.DropTable(
                name: "grid_households");

            migrationBuilder.DropTable(
                name: "grids");

            migrationBuilder.DropTable(
                name: "joint_units");

            migrationBuilder.DropTable(
                name: "screening_members");

            migrationBuilder.DropTable(
                name: "screenings");

            migrationBuilder.DropTable(
                name: "special_group_members");

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
                name: "JurisdictionId",
                table: "users");

            migrationBuilder.DropColumn(
                name: "JurisdictionLevel",
                table: "users");

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
                    CompoundId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_controls", x => x.CompoundId);
                });
        }
    }
}
