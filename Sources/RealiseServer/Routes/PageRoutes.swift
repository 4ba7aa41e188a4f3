import Foundation
import Hummingbird
import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseWeb
import RealiseWorkbench

/// The pages people read: the dashboard, an entity's page, the map and the gap report with its downloads. Each needs a
/// signed-in account (anonymous requests are sent to the login page).
struct PageRoutes {
    let pool: WorkbenchPool
    let settings: ServerSettings
    let reports: ReportCache

    func add(to router: Router<WebContext>) {
        router.get("/") { request, context in try await dashboard(request, context) }
        router.get("entities/:id") { request, context in try await entity(request, context, flash: nil) }
        router.get("map") { _, context in try await map(context) }
        router.get("map.svg") { _, context in try await mapSVG(context) }
        router.get("gaps") { request, context in try await gaps(request, context) }
    }

    private func dashboard(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let day = settings.currentDay
        let report = try await reports.report(asOf: day, pool: pool)
        let (due, changes, secret) = try await pool.run { workbench in
            (try workbench.dueReviews(asOf: day, within: 30), try workbench.changes(limit: 20),
             try workbench.calendarSecret(for: viewer.account.name))
        }
        let page = DashboardPage(viewer: pool.pageViewer(viewer), report: report, due: due, changes: changes,
                                 calendarURL: CalendarRoutes.url(secret: secret, request: request, secure: settings.secureCookies))
        return .html(page.render())
    }

    /// An entity's page; after a form, `flash` says what it did (or, with a failing status, why not).
    func entity(_ request: Request, _ context: WebContext, flash: PageFlash?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let viewer = try context.requireViewer()
        let id = context.pathParameter("id")
        let report = try await reports.report(asOf: settings.currentDay, pool: pool)
        let (details, forms) = try await pool.run { workbench in
            let details = try workbench.entity(id, history: true, current: report.plan)
            let subject = details.id ?? id
            let mayRecord = try details.id != nil && workbench.mayRecord(viewer.account, on: subject)
            return (details, EntityPage.Forms(recordMeasurement: mayRecord, recordReview: mayRecord,
                                              schedule: details.id != nil && workbench.may(viewer.account, .schedule)))
        }
        let done = flash ?? FormFields.query(request)["done"].flatMap(FormRoutes.doneMessage).map(PageFlash.success)
        let page = EntityPage(viewer: pool.pageViewer(viewer), details: details, report: report, forms: forms, flash: done, requested: id)
        return .html(page.render(), status: status)
    }

    private func map(_ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let report = try await reports.report(asOf: settings.currentDay, pool: pool)
        return .html(MapPage(viewer: pool.pageViewer(viewer), report: report).render())
    }

    private func mapSVG(_ context: WebContext) async throws -> Response {
        _ = try context.requireViewer()
        let report = try await reports.report(asOf: settings.currentDay, pool: pool)
        guard let drawing = InlineSVG.benefitsMap(report).first else {
            throw WebError.notFound("the plan has nothing to draw on a map yet (or more than a map can show)")
        }
        return .body(drawing, type: "image/svg+xml; charset=utf-8")
    }

    /// The gap report page, or with `format` the report as a download in that format.
    private func gaps(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let fields = FormFields.query(request)
        let formatName = fields["format"] ?? "page"
        let format = try Self.format(formatName)
        var severity: Severity?
        if let text = fields["severity"] {
            guard let level = Severity(rawValue: text) else {
                throw WebError.invalid(field: "severity", "'\(text.prefix(20))' is not a severity; choose high, medium or low")
            }
            severity = level
        }
        // A workbook, like JSON, gives the evidence's exact values and draws no chart; the page words the evidence but
        // draws no chart either (a metric's page does): charts for every metric of a large plan would make it hundreds
        // of megabytes. The HTML download is the board report, charts and all.
        let query = try GapReportQuery(asOf: try QueryDay.parse(fields["as-of"], field: "as-of"), only: fields.all("only"),
                                       skip: fields.all("skip"), severity: severity, format: formatName == "xlsx" ? .json : format ?? .markdown)
        let today = settings.currentDay
        if formatName == "xlsx" { return try await workbook(query, today: today) }
        let key = "gaps \(formatName) \(today) \(query.asOf?.description ?? "-") \(query.only) \(query.skip)"
        let report = query.filtered(try await reports.value(key, pool: pool) { try $0.gapReport(try query.request(today: today)) })
        guard let format else {
            let shown = GapsPage.Query(asOf: fields["as-of"] ?? "", only: fields.all("only").joined(separator: ","),
                                       skip: fields.all("skip").joined(separator: ","), severity: fields["severity"] ?? "")
            return .html(GapsPage(viewer: pool.pageViewer(viewer), report: report, query: shown).render())
        }
        let (type, ext) = Self.download[format] ?? ("text/plain; charset=utf-8", "txt")
        return .download(format.renderer().renderUTF8(report), type: type, filename: "gap-report-\(report.asOf).\(ext)")
    }

    private func workbook(_ query: GapReportQuery, today: Day) async throws -> Response {
        let bytes = try await pool.run { workbench in
            let report = query.filtered(try workbench.gapReport(try query.request(today: today)))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("realise-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: file) }
            try GapWorkbook().write(report, to: file.path)
            return [UInt8](try Data(contentsOf: file))
        }
        return .download(bytes, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: "gap-report.xlsx")
    }

    /// The format asked for: nil for the page itself.
    private static func format(_ name: String) throws(WebError) -> GapReportFormat? {
        switch name {
        case "page": nil
        case "md": .markdown
        case "xlsx": nil
        default:
            if let format = GapReportFormat(rawValue: name), format != .text { format } else {
                throw .invalid(field: "format", "'\(name.prefix(20))' is not a format; choose html, json, csv, md or xlsx")
            }
        }
    }

    private static let download: [GapReportFormat: (String, String)] = [
        .html: ("text/html; charset=utf-8", "html"), .json: ("application/json; charset=utf-8", "json"),
        .csv: ("text/csv; charset=utf-8", "csv"), .markdown: ("text/markdown; charset=utf-8", "md"),
    ]
}
