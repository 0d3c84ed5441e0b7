package id.formasi.functions.api;

import id.formasi.solver.plan.PlanDocument;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The route table of the {@code api} function: every method and path, and the handler that answers it. The
 * handlers are reached only when a request comes, so the table can be listed without any service. Who may call
 * each route is {@link Access}'s table.
 */
@Component
public record Routes(PlanHandlers plans, PlanReviewHandlers review, SnapshotHandlers snapshots, UploadHandlers uploads,
        SheetsHandlers sheets, Access access) {

    public List<Route> table() {
        return List.of(
                new Route("GET", "/", StaticAssets::index),
                new Route("GET", "/assets/{name}", StaticAssets::asset),
                new Route("GET", "/openapi.yaml", StaticAssets::openApi),
                new Route("GET", "/snapshot.schema.json", StaticAssets::snapshotSchema),
                new Route("GET", "/config", request -> access.config(request)),
                new Route("POST", "/plans", request -> plans.submitPlan(request)),
                new Route("GET", "/plans", request -> plans.listPlans(request)),
                new Route("GET", "/plans/{id}", request -> plans.getPlan(request)),
                new Route("GET", "/plans/{id}/placements", request -> review.part(request, PlanDocument::placements)),
                new Route("GET", "/plans/{id}/moves", request -> review.part(request, PlanDocument::moves)),
                new Route("GET", "/plans/{id}/formations", request -> review.part(request, PlanDocument::formations)),
                new Route("GET", "/plans/{id}/leaving", request -> review.part(request, PlanDocument::leaving)),
                new Route("GET", "/plans/{id}/explanation", request -> review.explanation(request)),
                new Route("GET", "/plans/{id}/whatif", request -> review.whatIf(request)),
                new Route("PUT", "/plans/{id}/pins", request -> review.putPins(request)),
                new Route("POST", "/plans/{id}/resolve", request -> review.resolve(request)),
                new Route("POST", "/plans/{id}/decision", request -> review.decide(request)),
                new Route("POST", "/plans/{id}/cancel", request -> review.cancel(request)),
                new Route("DELETE", "/plans/{id}", request -> review.delete(request)),
                new Route("GET", "/plans/{a}/diff/{b}", request -> review.diff(request)),
                new Route("GET", "/plans/{id}/export.xlsx", request -> sheets.export(request)),
                new Route("POST", "/snapshots", request -> snapshots.submitSnapshot(request)),
                new Route("POST", "/snapshots/uploads", request -> uploads.upload(request)),
                new Route("GET", "/snapshots/{id}", request -> snapshots.getSnapshot(request)),
                new Route("GET", "/snapshots/{id}/facilities", request -> snapshots.facilities(request)),
                new Route("GET", "/snapshots/{id}/staff", request -> snapshots.staff(request)),
                new Route("POST", "/snapshots/{id}/changes", request -> snapshots.changeSnapshot(request)),
                new Route("POST", "/imports", request -> sheets.importSheets(request), SheetsHandlers.BODY_TYPES),
                new Route("GET", "/imports/template.xlsx", request -> sheets.template(request)));
    }
}
