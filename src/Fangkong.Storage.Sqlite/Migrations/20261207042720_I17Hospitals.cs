using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I17Hospitals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bed_stays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    HospitalId = table.Column<long>(type: "INTEGER", nullable: false),
                    WardId = table.Column<long>(type: "INTEGER", nullable: false),
                    BedId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bed_stays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_transfer_batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ToHospitalId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_transfer_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_transfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FromHospitalId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToHospitalId = table.Column<long>(type: "INTEGER", nullable: true),
                    FromDistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    ToDistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Vehicle = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DispatchedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_transfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hospital_beds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    HospitalId = table.Column<long>(type: "INTEGER", nullable: false),
                    WardId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hospital_beds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hospital_wards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    HospitalId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hospital_wards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hospitals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hospitals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bed_stays_bed_taken",
                table: "bed_stays",
                column: "BedId",
                unique: true,
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_bed_stays_case_in_bed",
                table: "bed_stays",
                column: "CaseId",
                unique: true,
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_bed_stays_CaseId_FromUtc",
                table: "bed_stays",
                columns: new[] { "CaseId", "FromUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_bed_stays_HospitalId_State",
                table: "bed_stays",
                columns: new[] { "HospitalId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_case_transfers_BatchId",
                table: "case_transfers",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_case_transfers_CaseId",
                table: "case_transfers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_transfers_State_DueDate",
                table: "case_transfers",
                columns: new[] { "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_hospital_beds_HospitalId_WardId_Position",
                table: "hospital_beds",
                columns: new[] { "HospitalId", "WardId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_hospital_beds_WardId_Number",
                table: "hospital_beds",
                columns: new[] { "WardId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hospital_wards_HospitalId_Name",
                table: "hospital_wards",
                columns: new[] { "HospitalId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hospitals_Name",
                table: "hospitals",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bed_stays");

            migrationBuilder.DropTable(
                name: "case_transfer_batches");

            migrationBuilder.DropTable(
                name: "case_transfers");

            migrationBuilder.DropTable(
                name: "hospital_beds");

            migrationBuilder.DropTable(
                name: "hospital_wards");

            migrationBuilder.DropTable(
                name: "hospitals");
        }
    }
}
