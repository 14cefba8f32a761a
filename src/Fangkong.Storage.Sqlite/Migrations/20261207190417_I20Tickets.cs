using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I20Tickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ticket_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Unit = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    FiledByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    CallerPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    StreetId = table.Column<long>(type: "INTEGER", nullable: true),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Emergency = table.Column<int>(type: "INTEGER", nullable: false),
                    SealedIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpecialGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    RaisedToDistrict = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    StartUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EscalatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RaiseAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    TransportDone = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsTransport = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tickets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ticket_events_TicketId",
                table: "ticket_events",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_CommunityId_IsOpen",
                table: "tickets",
                columns: new[] { "CommunityId", "IsOpen" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_DistrictCode_IsOpen_DueAtUtc",
                table: "tickets",
                columns: new[] { "DistrictCode", "IsOpen", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_HouseholdId",
                table: "tickets",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_IsOpen_DueAtUtc_Id",
                table: "tickets",
                columns: new[] { "IsOpen", "DueAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Number",
                table: "tickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_PersonId",
                table: "tickets",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_RaiseAtUtc",
                table: "tickets",
                column: "RaiseAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_ReceivedAtUtc",
                table: "tickets",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_ResolvedAtUtc",
                table: "tickets",
                column: "ResolvedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_SourceKey",
                table: "tickets",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_StreetId",
                table: "tickets",
                column: "StreetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_events");

            migrationBuilder.DropTable(
                name: "tickets");
        }
    }
}
