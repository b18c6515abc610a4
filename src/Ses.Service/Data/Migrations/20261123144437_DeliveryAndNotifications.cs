using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DataJson",
                table: "issued_documents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "admin_alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bureau = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Electronic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Paper = table.Column<bool>(type: "INTEGER", nullable: false),
                    ServedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ServedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeemedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeemedProvisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstOpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ElectronicOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ElectronicRule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DeemedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaperDeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaperMethod = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PaperTrackingNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PaperSignedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PaperReceiptSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PaperReceiptName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PaperRecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PaperRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveryRule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DeliveryRuleText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deliveries_counterparties_CounterpartyId",
                        column: x => x.CounterpartyId,
                        principalTable: "counterparties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_deliveries_issued_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "issued_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AtBeijing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "notification_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProviderAnswer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_messages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_admin_alerts_Key",
                table: "admin_alerts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_Bureau_ServedAt",
                table: "deliveries",
                columns: new[] { "Bureau", "ServedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_CounterpartyId",
                table: "deliveries",
                column: "CounterpartyId");

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_DocumentId",
                table: "deliveries",
                column: "DocumentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_ElectronicOn_DeemedOn",
                table: "deliveries",
                columns: new[] { "ElectronicOn", "DeemedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_entries_At",
                table: "evidence_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_entries_DeliveryId",
                table: "evidence_entries",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_entries_DocumentId",
                table: "evidence_entries",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_notification_messages_DeliveryId",
                table: "notification_messages",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_notification_messages_SentAt_NextAttemptAt",
                table: "notification_messages",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_alerts");

            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropTable(
                name: "evidence_entries");

            migrationBuilder.DropTable(
                name: "notification_messages");

            migrationBuilder.DropColumn(
                name: "DataJson",
                table: "issued_documents");
        }
    }
}
