using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QuarantineTests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "QuarantineSiteId",
                table: "sampling_sites",
                type: "bigint",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "SourceTubeId",
                table: "resample_tasks",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<bool>(
                name: "AtHome",
                table: "resample_tasks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueDate",
                table: "resample_tasks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Reason",
                table: "resample_tasks",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "StayId",
                table: "resample_tasks",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_resample_tasks_DueDate_RoundId",
                table: "resample_tasks",
                columns: new[] { "DueDate", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_resample_tasks_StayId",
                table: "resample_tasks",
                column: "StayId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_resample_tasks_DueDate_RoundId",
                table: "resample_tasks");

            migrationBuilder.DropIndex(
                name: "IX_resample_tasks_StayId",
                table: "resample_tasks");

            migrationBuilder.DropColumn(
                name: "QuarantineSiteId",
                table: "sampling_sites");

            migrationBuilder.DropColumn(
                name: "AtHome",
                table: "resample_tasks");

            migrationBuilder.DropColumn(
                name: "DueDate",
                table: "resample_tasks");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "resample_tasks");

            migrationBuilder.DropColumn(
                name: "StayId",
                table: "resample_tasks");

            migrationBuilder.AlterColumn<long>(
                name: "SourceTubeId",
                table: "resample_tasks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
