using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue18 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_CaseId_Status",
                table: "contact_proposals");

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAtUtc",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstFailedAtUtc",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumber",
                table: "users",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSignInAtUtc",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntilUtc",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "users",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TotpLastStep",
                table: "users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TotpPendingSecret",
                table: "users",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TotpSecret",
                table: "users",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAtUtc",
                table: "signing_keys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "signing_keys",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiesUntilUtc",
                table: "signing_keys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CommunityId",
                table: "persons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DistrictCode",
                table: "persons",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "appeal_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    AppealId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", maxLength: 2097152, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appeal_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Colour = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ColourChangeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Office = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ManualRequestId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appeals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_alarms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntrySeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_alarms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_chain_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ActorUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PurposeKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PrevHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bulk_unlock_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    BulkUnlockId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    RefusalKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RefusalEvidence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ManualRequestId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulk_unlock_lines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bulk_unlocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulk_unlocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "team_shifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Ends = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_shifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaderUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    DisbandedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_roles", x => new { x.UserId, x.Role });
                });

            migrationBuilder.CreateIndex(
                name: "IX_users_IdNumber",
                table: "users",
                column: "IdNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_PersonId",
                table: "users",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_users_Phone",
                table: "users",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_tubes_ResultByUserId_ResultAtUtc",
                table: "tubes",
                columns: new[] { "ResultByUserId", "ResultAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_screenings_ByUserId_VisitedAtUtc",
                table: "screenings",
                columns: new[] { "ByUserId", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_samples_SamplerUserId_AtUtc",
                table: "samples",
                columns: new[] { "SamplerUserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_check_ins_ByUserId_AtUtc",
                table: "quarantine_check_ins",
                columns: new[] { "ByUserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_persons_CommunityId",
                table: "persons",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_persons_DistrictCode",
                table: "persons",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_CaseId_Status",
                table: "contact_proposals",
                columns: new[] { "CaseId", "Status", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_community_problems_AnsweredByUserId_AnsweredAtUtc",
                table: "community_problems",
                columns: new[] { "AnsweredByUserId", "AnsweredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_account_changes_UserId_AtUtc",
                table: "account_changes",
                columns: new[] { "UserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_appeal_files_AppealId",
                table: "appeal_files",
                column: "AppealId");

            migrationBuilder.CreateIndex(
                name: "IX_appeals_DistrictCode_State",
                table: "appeals",
                columns: new[] { "DistrictCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_Number",
                table: "appeals",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appeals_PersonId_ColourChangeId",
                table: "appeals",
                columns: new[] { "PersonId", "ColourChangeId" });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_State_DueAtUtc",
                table: "appeals",
                columns: new[] { "State", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_SubmittedByUserId_IdempotencyKey",
                table: "appeals",
                columns: new[] { "SubmittedByUserId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_alarms_ActorUserId_Kind_AtUtc",
                table: "audit_alarms",
                columns: new[] { "ActorUserId", "Kind", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_alarms_AtUtc",
                table: "audit_alarms",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_ActorUserId_AtUtc",
                table: "audit_entries",
                columns: new[] { "ActorUserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_AtUtc",
                table: "audit_entries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_PersonId_AtUtc",
                table: "audit_entries",
                columns: new[] { "PersonId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Seq",
                table: "audit_entries",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlock_lines_BulkUnlockId_Line",
                table: "bulk_unlock_lines",
                columns: new[] { "BulkUnlockId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlock_lines_PersonId",
                table: "bulk_unlock_lines",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlocks_Number",
                table: "bulk_unlocks",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlocks_State_SubmittedAtUtc",
                table: "bulk_unlocks",
                columns: new[] { "State", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_bulk_unlocks_SubmittedByUserId",
                table: "bulk_unlocks",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_team_members_TeamId_UserId",
                table: "team_members",
                columns: new[] { "TeamId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_team_members_UserId",
                table: "team_members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_team_shifts_TeamId_Day",
                table: "team_shifts",
                columns: new[] { "TeamId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_team_shifts_UserId_Day",
                table: "team_shifts",
                columns: new[] { "UserId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_teams_DistrictCode_Kind",
                table: "teams",
                columns: new[] { "DistrictCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_teams_Name",
                table: "teams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_changes");

            migrationBuilder.DropTable(
                name: "appeal_files");

            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "audit_alarms");

            migrationBuilder.DropTable(
                name: "audit_chain_head");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "bulk_unlock_lines");

            migrationBuilder.DropTable(
                name: "bulk_unlocks");

            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropTable(
                name: "team_shifts");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropIndex(
                name: "IX_users_IdNumber",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_users_PersonId",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_users_Phone",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_tubes_ResultByUserId_ResultAtUtc",
                table: "tubes");

            migrationBuilder.DropIndex(
                name: "IX_screenings_ByUserId_VisitedAtUtc",
                table: "screenings");

            migrationBuilder.DropIndex(
                name: "IX_samples_SamplerUserId_AtUtc",
                table: "samples");

            migrationBuilder.DropIndex(
                name: "IX_quarantine_check_ins_ByUserId_AtUtc",
                table: "quarantine_check_ins");

            migrationBuilder.DropIndex(
                name: "IX_persons_CommunityId",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_persons_DistrictCode",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_contact_proposals_CaseId_Status",
                table: "contact_proposals");

            migrationBuilder.DropIndex(
                name: "IX_community_problems_AnsweredByUserId_AnsweredAtUtc",
                table: "community_problems");

            migrationBuilder.DropColumn(
                name: "CreatedAtUtc",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "users");

            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "users");

            migrationBuilder.DropColumn(
                name: "FirstFailedAtUtc",
                table: "users");

            migrationBuilder.DropColumn(
                name: "IdNumber",
                table: "users");

            migrationBuilder.DropColumn(
                name: "LastSignInAtUtc",
                table: "users");

            migrationBuilder.DropColumn(
                name: "LockedUntilUtc",
                table: "users");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "users");

            migrationBuilder.DropColumn(
                name: "TotpLastStep",
                table: "users");

            migrationBuilder.DropColumn(
                name: "TotpPendingSecret",
                table: "users");

            migrationBuilder.DropColumn(
                name: "TotpSecret",
                table: "users");

            migrationBuilder.DropColumn(
                name: "RetiredAtUtc",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "VerifiesUntilUtc",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "CommunityId",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "DistrictCode",
                table: "persons");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_CaseId_Status",
                table: "contact_proposals",
                columns: new[] { "CaseId", "Status" });
        }
    }
}
