using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "buildings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    CompoundId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_buildings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    StreetId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnglishName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "gate_devices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    VenueId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gate_devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gate_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VenueId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeviceTimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Temperature = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VisitId = table.Column<long>(type: "bigint", nullable: true),
                    OperatorUserId = table.Column<long>(type: "bigint", nullable: true),
                    PolicyVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gate_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "health_code_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_code_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "health_codes",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Colour = table.Column<int>(type: "integer", nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_codes", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "manual_code_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Colour = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequestedByUserId = table.Column<long>(type: "bigint", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_manual_code_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    DocumentType = table.Column<int>(type: "integer", nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: true),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PrivateKeyPkcs8 = table.Column<byte[]>(type: "bytea", maxLength: 512, nullable: false),
                    PublicKeySpki = table.Column<byte[]>(type: "bytea", maxLength: 512, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "streets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "test_results",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    SampledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResultAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_test_results", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trace_accesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    VenueId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trace_accesses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    BuildingId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VenueId = table.Column<long>(type: "bigint", nullable: true),
                    DeviceId = table.Column<long>(type: "bigint", nullable: true),
                    PersonId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompoundId = table.Column<long>(type: "bigint", nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    RequiredNegativeTestHours = table.Column<int>(type: "integer", nullable: true),
                    AllowsYellow = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_venues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    VenueId = table.Column<long>(type: "bigint", nullable: false),
                    EntryDeviceId = table.Column<long>(type: "bigint", nullable: true),
                    EnteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExitedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExitInferred = table.Column<bool>(type: "boolean", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Temperature = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_buildings_CompoundId",
                table: "buildings",
                column: "CompoundId");

            migrationBuilder.CreateIndex(
                name: "IX_communities_StreetId",
                table: "communities",
                column: "StreetId");

            migrationBuilder.CreateIndex(
                name: "IX_compounds_CommunityId",
                table: "compounds",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_gate_devices_VenueId",
                table: "gate_devices",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_gate_events_IdempotencyKey_DeviceId",
                table: "gate_events",
                columns: new[] { "IdempotencyKey", "DeviceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gate_events_PersonId_AtUtc",
                table: "gate_events",
                columns: new[] { "PersonId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_gate_events_VenueId_AtUtc",
                table: "gate_events",
                columns: new[] { "VenueId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_health_code_changes_AtUtc",
                table: "health_code_changes",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_health_code_changes_PersonId_AtUtc",
                table: "health_code_changes",
                columns: new[] { "PersonId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_health_codes_Colour",
                table: "health_codes",
                column: "Colour");

            migrationBuilder.CreateIndex(
                name: "IX_households_UnitId",
                table: "households",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_manual_code_requests_PersonId_Status",
                table: "manual_code_requests",
                columns: new[] { "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_manual_code_requests_Status",
                table: "manual_code_requests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_persons_DocumentNumber_DocumentType",
                table: "persons",
                columns: new[] { "DocumentNumber", "DocumentType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_persons_HouseholdId",
                table: "persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_persons_Name",
                table: "persons",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_persons_Phone",
                table: "persons",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_persons_Token",
                table: "persons",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_streets_DistrictCode",
                table: "streets",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_test_results_PersonId_SampledAtUtc",
                table: "test_results",
                columns: new[] { "PersonId", "SampledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_trace_accesses_AtUtc",
                table: "trace_accesses",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_trace_accesses_PersonId",
                table: "trace_accesses",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_units_BuildingId",
                table: "units",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_users_UserName",
                table: "users",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_venues_DistrictCode",
                table: "venues",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_venues_Name",
                table: "venues",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_venues_Type",
                table: "venues",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_visits_open_by_person",
                table: "visits",
                column: "PersonId",
                filter: "\"ExitedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_visits_open_by_venue",
                table: "visits",
                column: "VenueId",
                filter: "\"ExitedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_visits_PersonId_EnteredAtUtc",
                table: "visits",
                columns: new[] { "PersonId", "EnteredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_visits_VenueId_EnteredAtUtc",
                table: "visits",
                columns: new[] { "VenueId", "EnteredAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "buildings");

            migrationBuilder.DropTable(
                name: "communities");

            migrationBuilder.DropTable(
                name: "compounds");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "gate_devices");

            migrationBuilder.DropTable(
                name: "gate_events");

            migrationBuilder.DropTable(
                name: "health_code_changes");

            migrationBuilder.DropTable(
                name: "health_codes");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "manual_code_requests");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "streets");

            migrationBuilder.DropTable(
                name: "test_results");

            migrationBuilder.DropTable(
                name: "trace_accesses");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "venues");

            migrationBuilder.DropTable(
                name: "visits");
        }
    }
}
