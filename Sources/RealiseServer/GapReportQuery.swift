import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseWorkbench

/// What a request asks of the gap report: the day, the rules run or left out, a severity to keep, and the format
/// (`?as-of=2026-12-01&only=benefit-without-metric&severity=high&format=csv`).
struct GapReportQuery: Sendable {
    var asOf: Day?
    var only: [String]
    var skip: [String]
    var severity: Severity?
    var format: GapReportFormat

    /// - Parameters:
    ///   - only, skip: rule ids, repeated or comma-separated.
    /// - Throws: `.invalid` naming the field of a rule id that is no rule's.
    init(asOf: Day?, only: [String], skip: [String], severity: Severity? = nil, format: GapReportFormat) throws(WebError) {
        self.asOf = asOf
        self.only = try Self.rules(only, field: "only")
        self.skip = try Self.rules(skip, field: "skip")
        self.severity = severity
        self.format = format
    }

    /// The report request, "today" being `today` unless the query names a day.
    func request(today: Day) throws(WorkbenchError) -> GapReportRequest {
        let day = asOf ?? today
        return try GapReportRequest(asOf: asOf, today: day, only: only, skip: skip, wordingEvidence: format.wordsEvidence,
                                    trajectories: format.drawsTrajectories)
    }

    /// `report` keeping only the findings at `severity`, when one is asked for.
    func filtered(_ report: GapReport) -> GapReport {
        guard let severity else { return report }
        var kept = report
        kept.findings = report.findings.filter { $0.severity == severity }
        return kept
    }

    private static func rules(_ values: [String], field: String) throws(WebError) -> [String] {
        let ids = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for id in ids where !GapRules.ids.contains(id) {
            throw .invalid(field: field, "'\(id.prefix(60))' is no rule's id; the rules are \(GapRules.ids.joined(separator: ", "))")
        }
        return ids
    }
}

/// A date in a query (`as-of=2026-12-01`).
enum QueryDay {
    /// The day the query's field `name` names, nil when absent. An API call must not send it empty (`as-of=`); a page's
    /// filter form does, for "not set".
    /// - Throws: `.invalid` naming the field when it is no date.
    static func parse(_ query: FormFields, _ name: String, emptyIsAbsent: Bool) throws(WebError) -> Day? {
        if !emptyIsAbsent, query.all(name).contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw .invalid(field: name, "is empty; give a date as YYYY-MM-DD, or leave the field out")
        }
        return try parse(query[name], field: name)
    }

    /// The day `text` names, nil when absent.
    /// - Throws: `.invalid` naming `field` when it is no date.
    static func parse(_ text: String?, field: String) throws(WebError) -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw .invalid(field: field, "'\(text.prefix(40))' is not a date; write it as YYYY-MM-DD") }
        return day
    }
}
