using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
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
                name: "buildings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CompoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_buildings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bulletins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextZh = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneratedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    GeneratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    EditedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulletins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromClass = table.Column<int>(type: "INTEGER", nullable: true),
                    ToClass = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Conversion = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_events", x => x.Id);
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
                    TubeId = table.Column<long>(type: "INTEGER", nullable: true),
                    Class = table.Column<int>(type: "INTEGER", nullable: false),
                    OnsetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsolatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TreatedAt = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConvertedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    StreetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contact_proposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    ViaPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceInUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SourceOutUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContactInUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContactOutUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverlapMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstExposureUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReleasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnglishName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => x.Code);
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
                name: "export_files",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_files", x => x.JobId);
                });

            migrationBuilder.CreateTable(
                name: "export_jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    English = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RequestedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Done = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeartbeatUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gate_devices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gate_devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gate_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeviceTimeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Temperature = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VisitId = table.Column<long>(type: "INTEGER", nullable: true),
                    OperatorUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gate_events", x => x.Id);
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
                name: "health_code_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_code_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "health_codes",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Colour = table.Column<int>(type: "INTEGER", nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_codes", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "investigation_places",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_investigation_places", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "manual_code_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Colour = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_manual_code_requests", x => x.Id);
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
                name: "persons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    DocumentType = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quarantine_check_ins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    StayId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Temperature = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Symptoms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Alert = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantine_check_ins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quarantine_rooms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Beds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantine_rooms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quarantine_sites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantine_sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quarantine_stays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: true),
                    RoomId = table.Column<long>(type: "INTEGER", nullable: true),
                    Day1 = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReleaseDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantine_stays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quarantine_transfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    StayId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromSiteId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToSiteId = table.Column<long>(type: "INTEGER", nullable: true),
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
                    table.PrimaryKey("PK_quarantine_transfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resample_tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceTubeId = table.Column<long>(type: "INTEGER", nullable: true),
                    StayId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AtHome = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SampleId = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resample_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "risk_windows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_windows", x => x.Id);
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
                    SwabsPerTablePerHour = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarantineSiteId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sampling_sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PrivateKeyPkcs8 = table.Column<byte[]>(type: "BLOB", maxLength: 512, nullable: false),
                    PublicKeySpki = table.Column<byte[]>(type: "BLOB", maxLength: 512, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.Id);
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
                name: "streets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "test_results",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    SampledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResultAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_test_results", x => x.Id);
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
                name: "trace_accesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trace_accesses", x => x.Id);
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
                name: "units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: true),
                    DeviceId = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompoundId = table.Column<long>(type: "INTEGER", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    RequiredNegativeTestHours = table.Column<int>(type: "INTEGER", nullable: true),
                    AllowsYellow = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_venues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    VenueId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryDeviceId = table.Column<long>(type: "INTEGER", nullable: true),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExitInferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    Temperature = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visits", x => x.Id);
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
                name: "IX_buildings_CompoundId",
                table: "buildings",
                column: "CompoundId");

            migrationBuilder.CreateIndex(
                name: "IX_bulletins_Day_Level_AreaCode",
                table: "bulletins",
                columns: new[] { "Day", "Level", "AreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_bulletins_published",
                table: "bulletins",
                columns: new[] { "Day", "Level", "AreaCode" },
                unique: true,
                filter: "\"State\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_case_events_AtUtc",
                table: "case_events",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_case_events_CaseId_AtUtc",
                table: "case_events",
                columns: new[] { "CaseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_DistrictCode_ReportedAtUtc",
                table: "cases",
                columns: new[] { "DistrictCode", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_PersonId",
                table: "cases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReportedAtUtc",
                table: "cases",
                column: "ReportedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_communities_StreetId",
                table: "communities",
                column: "StreetId");

            migrationBuilder.CreateIndex(
                name: "IX_compounds_CommunityId",
                table: "compounds",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_CaseId_Grade_PersonId",
                table: "contact_proposals",
                columns: new[] { "CaseId", "Grade", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_PersonId_Status",
                table: "contact_proposals",
                columns: new[] { "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_proposals_Status_Grade_CaseId_DecidedAtUtc_ReleasedAtUtc_PersonId",
                table: "contact_proposals",
                columns: new[] { "Status", "Grade", "CaseId", "DecidedAtUtc", "ReleasedAtUtc", "PersonId" });

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
                name: "IX_export_jobs_RequestedByUserId_Id",
                table: "export_jobs",
                columns: new[] { "RequestedByUserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_export_jobs_State_Id",
                table: "export_jobs",
                columns: new[] { "State", "Id" });

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
                name: "IX_handovers_BoxId",
                table: "handovers",
                column: "BoxId");

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
                name: "IX_investigation_places_CaseId",
                table: "investigation_places",
                column: "CaseId");

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
                name: "IX_quarantine_check_ins_Day_Alert",
                table: "quarantine_check_ins",
                columns: new[] { "Day", "Alert" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_check_ins_StayId_Day",
                table: "quarantine_check_ins",
                columns: new[] { "StayId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_rooms_SiteId_Number",
                table: "quarantine_rooms",
                columns: new[] { "SiteId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_stays_active",
                table: "quarantine_stays",
                column: "PersonId",
                unique: true,
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_stays_PersonId_State",
                table: "quarantine_stays",
                columns: new[] { "PersonId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_stays_SiteId_State",
                table: "quarantine_stays",
                columns: new[] { "SiteId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_transfers_State_DueDate",
                table: "quarantine_transfers",
                columns: new[] { "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_transfers_StayId",
                table: "quarantine_transfers",
                column: "StayId");

            migrationBuilder.CreateIndex(
                name: "IX_resample_tasks_DueDate_RoundId",
                table: "resample_tasks",
                columns: new[] { "DueDate", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_resample_tasks_PersonId_DoneAtUtc",
                table: "resample_tasks",
                columns: new[] { "PersonId", "DoneAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_resample_tasks_RoundId_DoneAtUtc",
                table: "resample_tasks",
                columns: new[] { "RoundId", "DoneAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_resample_tasks_StayId",
                table: "resample_tasks",
                column: "StayId");

            migrationBuilder.CreateIndex(
                name: "IX_risk_windows_CaseId",
                table: "risk_windows",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_risk_windows_VenueId_FromUtc",
                table: "risk_windows",
                columns: new[] { "VenueId", "FromUtc" });

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
                name: "IX_streets_DistrictCode",
                table: "streets",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_test_results_PersonId_SampledAtUtc",
                table: "test_results",
                columns: new[] { "PersonId", "SampledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_testing_rounds_StartUtc",
                table: "testing_rounds",
                column: "StartUtc");

            migrationBuilder.CreateIndex(
                name: "IX_trace_accesses_AtUtc",
                table: "trace_accesses",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_trace_accesses_PersonId",
                table: "trace_accesses",
                column: "PersonId");

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
                name: "boxes");

            migrationBuilder.DropTable(
                name: "buildings");

            migrationBuilder.DropTable(
                name: "bulletins");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "communities");

            migrationBuilder.DropTable(
                name: "compounds");

            migrationBuilder.DropTable(
                name: "contact_proposals");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "door_tasks");

            migrationBuilder.DropTable(
                name: "export_files");

            migrationBuilder.DropTable(
                name: "export_jobs");

            migrationBuilder.DropTable(
                name: "gate_devices");

            migrationBuilder.DropTable(
                name: "gate_events");

            migrationBuilder.DropTable(
                name: "handovers");

            migrationBuilder.DropTable(
                name: "health_code_changes");

            migrationBuilder.DropTable(
                name: "health_codes");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "investigation_places");

            migrationBuilder.DropTable(
                name: "manual_code_requests");

            migrationBuilder.DropTable(
                name: "person_markers");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "quarantine_check_ins");

            migrationBuilder.DropTable(
                name: "quarantine_rooms");

            migrationBuilder.DropTable(
                name: "quarantine_sites");

            migrationBuilder.DropTable(
                name: "quarantine_stays");

            migrationBuilder.DropTable(
                name: "quarantine_transfers");

            migrationBuilder.DropTable(
                name: "resample_tasks");

            migrationBuilder.DropTable(
                name: "risk_windows");

            migrationBuilder.DropTable(
                name: "round_residents");

            migrationBuilder.DropTable(
                name: "round_waves");

            migrationBuilder.DropTable(
                name: "samples");

            migrationBuilder.DropTable(
                name: "sampling_sites");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "site_compounds");

            migrationBuilder.DropTable(
                name: "streets");

            migrationBuilder.DropTable(
                name: "test_results");

            migrationBuilder.DropTable(
                name: "testing_rounds");

            migrationBuilder.DropTable(
                name: "trace_accesses");

            migrationBuilder.DropTable(
                name: "tubes");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "venues");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropTable(
                name: "zone_controls");
        }
    }
}
