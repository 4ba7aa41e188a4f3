import Foundation
import Hummingbird
import RealiseModel
import RealiseWeb
import RealiseWorkbench

/// The forms of an entity's page: record a measurement or a review, schedule or unschedule reviews. Each checks the
/// session's CSRF token, then the account's role, then the fields; a mistake in a field shows the page again with the
/// problem (422), and success sends the browser back to the page (303), which says what was done.
struct FormRoutes {
    let pool: WorkbenchPool
    let settings: ServerSettings
    let pages: PageRoutes

    func add(to router: Router<WebContext>) {
        router.post("entities/:id/measurements") { request, context in
            try await submit(request, context, done: "measurement") { form, id, viewer, today in
                let (date, value) = (try form.day("date"), try form.number("value") ?? 0)
                return { workbench in
                    try Permission.record(viewer.account, on: [id], in: workbench)
                    _ = try workbench.recordMeasurement(metric: id, value: value, on: date, source: form["source"], note: form["note"], today: today)
                }
            }
        }
        router.post("entities/:id/reviews") { request, context in
            try await submit(request, context, done: "review") { form, id, viewer, _ in
                let date = try form.day("date")
                guard let rag = form["rag"].flatMap({ RAG(rawValue: $0) }) else { throw WebError.invalid(field: "rag", "choose a rating") }
                let measurements = try form.prefixed("measurement.").map { field throws(WebError) in
                    (metric: field.name, value: try form.number("measurement." + field.name) ?? 0)
                }
                return { workbench in
                    try Permission.record(viewer.account, on: [id] + measurements.map(\.metric), in: workbench)
                    _ = try workbench.recordReview(subject: id, rag: rag, on: date, reviewer: viewer.account.displayName, note: form["note"],
                                                   measurements: measurements)
                }
            }
        }
        router.post("entities/:id/schedules") { request, context in
            try await submit(request, context, done: "schedule") { form, id, viewer, _ in
                guard let cadence = form["cadence"] else { throw WebError.invalid(field: "cadence", "is required (monthly, quarterly … or an RRULE)") }
                let start = try form.day("start")
                return { workbench in
                    try Permission.require(viewer.account, .schedule, in: workbench)
                    _ = try workbench.scheduleReview(subject: id, every: cadence, from: start, reviewer: form["reviewer"])
                }
            }
        }
        router.post("schedules/:id/remove") { request, context in try await unschedule(request, context) }
    }

    /// Reads the form, checks its CSRF token, and runs the change `prepare` makes of it; a mistake in the form or a
    /// refusal of the use-case shows the entity's page again with the problems.
    private func submit(_ request: Request, _ context: WebContext, done: String,
                        _ prepare: @escaping (FormFields, String, Viewer, Day) throws -> @Sendable (Workbench) throws -> Void) async throws -> Response {
        let viewer = try context.requireViewer()
        let form = try await FormFields.body(request)
        try form.checkCSRF(viewer)
        let id = context.pathParameter("id")
        do {
            let change = try prepare(form, id, viewer, settings.currentDay)
            try await pool.run(as: viewer.account, change)
        } catch let error as WebError {
            guard case .invalid = error else { throw error }
            return try await pages.entity(request, context, flash: .errors(error.lines), status: .unprocessableContent)
        } catch let error as WorkbenchError {
            let mapped = WebError(error)
            guard case .refused = mapped else { throw mapped }
            return try await pages.entity(request, context, flash: .errors(mapped.lines), status: .unprocessableContent)
        }
        return .seeOther(WebPath.entity(id) + "?done=" + done)
    }

    private func unschedule(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let form = try await FormFields.body(request)
        try form.checkCSRF(viewer)
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw WebError.notFound("no review schedule has this id") }
        try await pool.run(as: viewer.account) { workbench in
            try Permission.require(viewer.account, .schedule, in: workbench)
            try workbench.unscheduleReview(id: id)
        }
        return .seeOther(WebPath.dashboard)
    }

    /// What the page says after a form was done (`?done=measurement`).
    static func doneMessage(_ code: String) -> String? {
        ["measurement": "Measurement recorded.", "review": "Review recorded.", "schedule": "Review schedule added."][code]
    }
}
