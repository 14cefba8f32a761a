using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I20SuppliesAndRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "supplier_accounts",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    SupplierId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_accounts", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "supplier_areas",
                columns: table => new
                {
                    SupplierId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_areas", x => new { x.SupplierId, x.DistrictCode });
                });

            migrationBuilder.CreateTable(
                name: "suppliers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suppliers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supply_distributions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                    PackId = table.Column<long>(type: "INTEGER", nullable: false),
                    PacksPerHousehold = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_distributions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supply_order_lines",
                columns: table => new
                {
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    PackId = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_order_lines", x => new { x.OrderId, x.PackId });
                });

            migrationBuilder.CreateTable(
                name: "supply_orders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridId = table.Column<long>(type: "INTEGER", nullable: true),
                    SupplierId = table.Column<long>(type: "INTEGER", nullable: false),
                    Route = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Free = table.Column<bool>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Packs = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PlacedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PackedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AtGateAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Proof = table.Column<int>(type: "INTEGER", nullable: true),
                    PlacedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeliveredByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DistributionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supply_packs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    SupplierId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Contents = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    DailyStock = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_packs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supply_proof_photos",
                columns: table => new
                {
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", maxLength: 2000000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_proof_photos", x => x.OrderId);
                });

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
                name: "IX_supplier_accounts_SupplierId",
                table: "supplier_accounts",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_areas_DistrictCode",
                table: "supplier_areas",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_supply_distributions_ZoneId",
                table: "supply_distributions",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_supply_order_lines_PackId",
                table: "supply_order_lines",
                column: "PackId");

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_CommunityId_State",
                table: "supply_orders",
                columns: new[] { "CommunityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_DeliveredAtUtc",
                table: "supply_orders",
                column: "DeliveredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_DistributionId",
                table: "supply_orders",
                column: "DistributionId");

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_DistrictCode_PlacedAtUtc",
                table: "supply_orders",
                columns: new[] { "DistrictCode", "PlacedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_GridId_State",
                table: "supply_orders",
                columns: new[] { "GridId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_HouseholdId_PlacedAtUtc",
                table: "supply_orders",
                columns: new[] { "HouseholdId", "PlacedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_PlacedByUserId_IdempotencyKey",
                table: "supply_orders",
                columns: new[] { "PlacedByUserId", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_State_DueAtUtc",
                table: "supply_orders",
                columns: new[] { "State", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_supply_orders_SupplierId_State_PlacedAtUtc",
                table: "supply_orders",
                columns: new[] { "SupplierId", "State", "PlacedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_supply_packs_SupplierId",
                table: "supply_packs",
                column: "SupplierId");

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
                name: "supplier_accounts");

            migrationBuilder.DropTable(
                name: "supplier_areas");

            migrationBuilder.DropTable(
                name: "suppliers");

            migrationBuilder.DropTable(
                name: "supply_distributions");

            migrationBuilder.DropTable(
                name: "supply_order_lines");

            migrationBuilder.DropTable(
                name: "supply_orders");

            migrationBuilder.DropTable(
                name: "supply_packs");

            migrationBuilder.DropTable(
                name: "supply_proof_photos");

            migrationBuilder.DropTable(
                name: "ticket_events");

            migrationBuilder.DropTable(
                name: "tickets");
        }
    }
}
