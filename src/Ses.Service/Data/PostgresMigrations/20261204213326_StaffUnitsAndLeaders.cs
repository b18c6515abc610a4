using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class StaffUnitsAndLeaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "UnitId",
                table: "staff_users",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Bureau = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubmitsToUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_units_units_SubmitsToUnitId",
                        column: x => x.SubmitsToUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_users_UnitId",
                table: "staff_users",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_units_Bureau_Name",
                table: "units",
                columns: new[] { "Bureau", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_SubmitsToUnitId",
                table: "units",
                column: "SubmitsToUnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_staff_users_units_UnitId",
                table: "staff_users",
                column: "UnitId",
                principalTable: "units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_staff_users_units_UnitId",
                table: "staff_users");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropIndex(
                name: "IX_staff_users_UnitId",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "staff_users");
        }
    }
}
