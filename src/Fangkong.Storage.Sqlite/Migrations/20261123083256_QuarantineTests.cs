using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fangkong.Storage.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "SourceTubeId",
                table: "resample_tasks",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<bool>(
                name: "AtHome",
                table: "resample_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueDate",
                table: "resample_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Reason",
                table: "resample_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "StayId",
                table: "resample_tasks",
                type: "INTEGER",
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
