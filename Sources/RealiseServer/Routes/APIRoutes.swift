import Foundation
import Hummingbird
import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseWorkbench

/// The JSON API under `/api/v1`, for scripts and other tools, with `Authorization: Bearer TOKEN` (`realise user
/// token`). What it returns is byte for byte what the command line prints for the same question.
struct APIRoutes {
    let pool: WorkbenchPool
    let settings: ServerSettings
    let reports: ReportCache

    func add(to router: Router<WebContext>) {
        let api = router.group("api/v1")
        // The document describing the API is public, as the login page is: it holds nothing of the workspace.
        api.get("openapi.json") { _, _ in Response.json(utf8: OpenAPIDocument.json) }
        api.get("gaps") { request, context in try await gaps(request, context) }
        for subject in [ListSubject.objectives, .benefits, .deliverables, .metrics] {
            api.get(RouterPath(stringLiteral: subject.rawValue)) { _, context in try await listing(subject, context) }
        }
        api.get("reviews/due") { request, context in try await due(request, context) }
        api.post("metrics/:id/measurements") { request, context in try await measure(request, context) }
        api.post("reviews") { request, context in try await review(request, context) }
    }

    /// `realise gaps --format json [--as-of DAY] [--only R] [--skip R]`.
    private func gaps(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.requireViewer()
        let query = FormFields.query(request)
        let asOf = try QueryDay.parse(query, "as-of", emptyIsAbsent: false)
        for field in ["only", "skip"] where query.all(field).contains(where: { $0.isEmpty }) {
            throw WebError.invalid(field: field, "is empty; name one or more rule ids, or leave the field out")
        }
        let report = try GapReportQuery(asOf: asOf, only: query.all("only"), skip: query.all("skip"), format: .json)
        let today = settings.currentDay
        let key = "api \(today) \(asOf?.description ?? "-") \(report.only.joined(separator: ",")) \(report.skip.joined(separator: ","))"
        let bytes = try await reports.value(key, pool: pool) { workbench in
            GapReportFormat.json.renderer().renderUTF8(try workbench.gapReport(try report.request(today: today)))
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `realise list KIND --format json`.
    private func listing(_ subject: ListSubject, _ context: WebContext) async throws -> Response {
        _ = try context.requireViewer()
        let text = try await pool.run { workbench throws(WorkbenchError) in ListFormat.json.render(try workbench.listing(subject)) }
        return .json(utf8: text)
    }

    /// `realise review due --format json [--as-of DAY] [--within N]`.
    private func due(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.requireViewer()
        let query = FormFields.query(request)
        let day = try QueryDay.parse(query, "as-of", emptyIsAbsent: false) ?? settings.currentDay
        var within = 30
        if let text = query.all("within").first {
            guard let days = Int(text), (0...36_600).contains(days) else { throw WebError.invalid(field: "within", "must be a number of days from 0 to 36600") }
            within = days
        }
        let text = try await pool.run { [within] workbench throws(WorkbenchError) in
            ListFormat.json.render(.dueReviews(try workbench.dueReviews(asOf: day, within: within)))
        }
        return .json(utf8: text)
    }

    /// Records a measurement: `{"date", "value", "source", "note"}` → 201.
    private func measure(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let metric = context.pathParameter("id")
        let body = try await JSONBody.read(request)
        let (date, value) = (try body.day("date"), try body.number("value"))
        let (source, note) = (try body.string("source"), try body.string("note"))
        let today = settings.currentDay
        let change = try await pool.run(as: viewer.account) { workbench in
            try Permission.record(viewer.account, on: [metric], in: workbench)
            return try workbench.recordMeasurement(metric: metric, value: value, on: date, source: source, note: note, today: today)
        }
        return .json(.object([("metric", .string(change.metric)), ("date", .string(date.description)), ("value", .number(value)),
                              ("replaced", .from(change.previous)), ("warnings", .array(change.warnings.map(JSONValue.string)))]),
                     status: .created)
    }

    /// Records a review: `{"subject", "rag", "date", "note", "measurements": {"METRIC": value}}` → 201.
    private func review(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let body = try await JSONBody.read(request)
        let subject = try body.string("subject", required: true) ?? ""
        let ragText = try body.string("rag", required: true) ?? ""
        guard let rag = RAG(rawValue: ragText.lowercased()) else {
            throw WebError.invalid(field: "rag", "'\(ragText.prefix(40))' is not a RAG status; give one of \(RAG.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (date, note, measurements) = (try body.day("date"), try body.string("note"), try body.numbers("measurements"))
        let recorded = try await pool.run(as: viewer.account) { workbench in
            try Permission.record(viewer.account, on: [subject] + measurements.map(\.0), in: workbench)
            return try workbench.recordReview(subject: subject, rag: rag, on: date, reviewer: viewer.account.displayName, note: note,
                                              measurements: measurements.map { (metric: $0.0, value: $0.1) })
        }
        return .json(.object([("id", .number(Double(recorded.id))), ("subject", .string(recorded.subject)),
                              ("date", .string(recorded.date.description)), ("rag", .string(recorded.rag.rawValue)),
                              ("measurements", .number(Double(recorded.measurements)))]),
                     status: .created)
    }
}
