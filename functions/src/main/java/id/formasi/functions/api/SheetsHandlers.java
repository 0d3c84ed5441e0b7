package id.formasi.functions.api;

import id.formasi.functions.planning.Failure;
import id.formasi.functions.planning.PlanService;
import id.formasi.functions.planning.SnapshotService;
import id.formasi.infra.AuditEntry;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.solver.sheets.DecreeWorkbook;
import id.formasi.solver.sheets.ImportException;
import id.formasi.solver.sheets.SheetImport;
import id.formasi.solver.sheets.SheetsWriter;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Spreadsheets in and out (docs/import-format.md): {@code POST /imports} stores the snapshot a workbook or a
 * zip of CSV files makes, {@code GET /imports/template.xlsx} is the empty workbook, and
 * {@code GET /plans/{id}/export.xlsx} the decree workbook of a plan.
 */
@Component
record SheetsHandlers(PlanService plans, SnapshotService snapshots, SnapshotHandlers stored) {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ZIP = "application/zip";
    static final Set<String> BODY_TYPES = Set.of(XLSX, ZIP);

    /** Like {@code POST /snapshots}, from sheets; every refused cell in the 400. Nothing is stored then. */
    Response importSheets(Request request) {
        if (request.body() == null || request.body().length == 0) {
            throw Failure.invalid("$", "a workbook (.xlsx) or a zip of CSV files is required");
        }
        Map<String, String> query = request.query();
        SheetImport.Fields fields = new SheetImport.Fields(query.get("snapshotId"), query.get("tenant"),
                query.get("asOf"), query.get("planningDate"));
        Snapshot snapshot;
        try {
            snapshot = SheetImport.read(request.body(), fields).snapshot();
        } catch (ImportException e) {
            throw new Failure(Failure.Kind.INVALID, "the import has " + e.errors().size() + " error(s)",
                    e.errors().stream().map(error -> new Failure.Detail(error.path(), error.id(), error.en(),
                            error.cell())).toList());
        }
        // Stored as the command line writes it, so that importing the same sheets again is the same snapshot.
        byte[] json = (Json.write(snapshot) + "\n").getBytes(StandardCharsets.UTF_8);
        return stored.store(request, json, snapshots.parse(json, ""));
    }

    Response template(Request request) {
        return download(SheetsWriter.template(), "formasi-template.xlsx");
    }

    Response export(Request request) {
        String planId = request.pathParameter("id");
        PlanRecord record = plans.get(request.tenant(), planId);
        Snapshot snapshot = snapshots.load(request.tenant(), record.snapshotId(), record.snapshotVersion()).snapshot();
        Optional<AuditEntry> decision = record.status() == PlanStatus.APPROVED || record.status() == PlanStatus.REJECTED
                ? record.audit().stream().filter(e -> e.action() == AuditEntry.Action.APPROVE || e.action() == AuditEntry.Action.REJECT)
                        .max(Comparator.comparing(AuditEntry::at))
                : Optional.empty();
        byte[] workbook = DecreeWorkbook.write(plans.document(request.tenant(), planId), snapshot, new DecreeWorkbook.Decision(
                record.status().name(), decision.map(AuditEntry::actor).orElse(null),
                decision.map(AuditEntry::at).orElse(null)));
        return download(workbook, "formasi-" + planId + ".xlsx");
    }

    private static Response download(byte[] workbook, String name) {
        return new Response(200, new Asset(workbook, XLSX),
                Map.of("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\""));
    }
}
