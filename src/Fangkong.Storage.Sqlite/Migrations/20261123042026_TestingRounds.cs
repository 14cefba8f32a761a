using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TestingRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "boxes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    Barcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    TubeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedTubes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PackedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PackedByUserId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_boxes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    FoundBy = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstPositiveSampledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: true),
                    TubeId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "door_tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_door_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "handovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    BoxId = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Receiver = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpectedTubes = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedTubes = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handovers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_markers",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_markers", x => new { x.PersonId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "resample_tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceTubeId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SampleId = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resample_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "round_residents",
                columns: table => new
                {
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtHome = table.Column<bool>(type: "INTEGER", nullable: false),
                    KeyGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    SampledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Missed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_round_residents", x => new { x.RoundId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "round_waves",
                columns: table => new
                {
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_round_waves", x => new { x.RoundId, x.UnitId });
                });

            migrationBuilder.CreateTable(
                name: "samples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    TubeId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SamplerUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Resample = table.Column<bool>(type: "INTEGER", nullable: false),
                    AtHome = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_samples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_sites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Tables = table.Column<int>(type: "INTEGER", nullable: false),
                    SwabsPerTablePerHour = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sampling_sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "site_compounds",
                columns: table => new
                {
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_compounds", x => new { x.RoundId, x.CompoundId });
                });

            migrationBuilder.CreateTable(
                name: "testing_rounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PoolSize = table.Column<int>(type: "INTEGER", nullable: false),
                    SingleTubeForKeyGroups = table.Column<bool>(type: "INTEGER", nullable: false),
                    HouseholdTubeInSealedCompounds = table.Column<bool>(type: "INTEGER", nullable: false),
                    PositivePoolColour = table.Column<int>(type: "INTEGER", nullable: false),
                    YellowForMissedRound = table.Column<bool>(type: "INTEGER", nullable: false),
                    WaveMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedFinishUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MissedAtClose = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_testing_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tubes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    Barcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstSampledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoorTaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    BoxId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tubes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "zone_controls",
                columns: table => new
                {
                    CompoundId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_controls", x => x.CompoundId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_boxes_Barcode",
                table: "boxes",
                column: "Barcode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_boxes_RoundId",
                table: "boxes",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_PersonId",
                table: "cases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReportedAtUtc",
                table: "cases",
                column: "ReportedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_door_tasks_RoundId_CompoundId",
                table: "door_tasks",
                columns: new[] { "RoundId", "CompoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_door_tasks_RoundId_HouseholdId",
                table: "door_tasks",
                columns: new[] { "RoundId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_handovers_BoxId",
                table: "handovers",
                column: "BoxId");

            migrationBuilder.CreateIndex(
                name: "IX_resample_tasks_PersonId_DoneAtUtc",
                table: "resample_tasks",
                columns: new[] { "PersonId", "DoneAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_resample_tasks_RoundId_DoneAtUtc",
                table: "resample_tasks",
                columns: new[] { "RoundId", "DoneAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_round_residents_PersonId",
                table: "round_residents",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_round_residents_place",
                table: "round_residents",
                columns: new[] { "RoundId", "DistrictCode", "CommunityId", "CompoundId", "BuildingId", "SampledAtUtc", "ResultAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_round_residents_RoundId_HouseholdId",
                table: "round_residents",
                columns: new[] { "RoundId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_round_waves_SiteId_StartUtc",
                table: "round_waves",
                columns: new[] { "SiteId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_samples_IdempotencyKey_SamplerUserId",
                table: "samples",
                columns: new[] { "IdempotencyKey", "SamplerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_samples_once_per_round",
                table: "samples",
                columns: new[] { "RoundId", "PersonId" },
                unique: true,
                filter: "\"Resample\" = FALSE");

            migrationBuilder.CreateIndex(
                name: "IX_samples_PersonId_AtUtc",
                table: "samples",
                columns: new[] { "PersonId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_samples_TubeId",
                table: "samples",
                column: "TubeId");

            migrationBuilder.CreateIndex(
                name: "IX_sampling_sites_RoundId",
                table: "sampling_sites",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_site_compounds_SiteId",
                table: "site_compounds",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_testing_rounds_StartUtc",
                table: "testing_rounds",
                column: "StartUtc");

            migrationBuilder.CreateIndex(
                name: "IX_tubes_Barcode",
                table: "tubes",
                column: "Barcode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tubes_BoxId",
                table: "tubes",
                column: "BoxId");

            migrationBuilder.CreateIndex(
                name: "IX_tubes_RoundId_SiteId",
                table: "tubes",
                columns: new[] { "RoundId", "SiteId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "boxes");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "door_tasks");

            migrationBuilder.DropTable(
                name: "handovers");

            migrationBuilder.DropTable(
                name: "person_markers");

            migrationBuilder.DropTable(
                name: "resample_tasks");

            migrationBuilder.DropTable(
                name: "round_residents");

            migrationBuilder.DropTable(
                name: "round_waves");

            migrationBuilder.DropTable(
                name: "samples");

            migrationBuilder.DropTable(
                name: "sampling_sites");

            migrationBuilder.DropTable(
                name: "site_compounds");

            migrationBuilder.DropTable(
                name: "testing_rounds");

            migrationBuilder.DropTable(
                name: "tubes");

            migrationBuilder.DropTable(
                name: "zone_controls");
        }
    }
}
