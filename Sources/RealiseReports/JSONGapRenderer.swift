import RealiseGaps
import RealiseModel

/// The gap report as the documented JSON contract, keys in the contract's order:
/// `{"asOf", "summary": {"high", "medium", "low"}, "findings": [{"rule", "severity", "subject": {"type", "id", "name"},
/// "message", "evidence", "source": {"path", "line"}, "title", "hint", "owner", "key"}], "coverage": [...]}`.
/// Evidence keys are sorted; `owner` is null when the plan names nobody accountable; `review` (after `key`, and after
/// a coverage row's counts with `reviewedRed`) is the latest review, `{"rag", "date", "reviewer", "note"}`, or null;
/// a finding's `actions` (after `review`) are the numbers of its open actions, and the top-level `actions` (after
/// `coverage`) are `{"open", "closedSinceReview"}`, each action as `action list --format json` writes it.
///
/// Written straight into one byte buffer by `JSONWriter` rather than through a `JSONValue` tree: the report of a
/// 100 000-benefit workspace is about 100 MB, and building and serialising the tree was the largest part of
/// `realise gaps --format json` (see BENCHMARKS.md). The text is the same as `JSONValue.serialised()` gives.
public struct JSONGapRenderer: GapReportRenderer {
    public init() {}

    public func render(_ report: GapReport) -> String { String(decoding: renderUTF8(report), as: UTF8.self) }

    public func renderUTF8(_ report: GapReport) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(640 * report.findings.count + 320 * report.coverage.count + 256)
        write(report) { bytes.append(contentsOf: $0) }
        return bytes
    }

    public func write(_ report: GapReport, to output: ([UInt8]) throws -> Void) rethrows {
        var json = JSONWriter(capacity: 320 * report.coverage.count + 4096)
        let summary = report.summary
        json.beginObject()
        json.key(plain: "asOf")
        json.string(report.asOf.description)
        json.key(plain: "summary")
        json.beginObject()
        json.key(plain: "high")
        json.number(summary.high)
        json.key(plain: "medium")
        json.number(summary.medium)
        json.key(plain: "low")
        json.number(summary.low)
        json.endObject()
        json.key(plain: "findings")
        json.beginArray()
        try output(json.takeBytes())
        try JSONGapRenderer.write(report.findings, after: json, to: output)
        if !report.findings.isEmpty { json.itemsWritten() }
        json.endArray()
        json.key(plain: "coverage")
        json.beginArray()
        for row in report.coverage { JSONGapRenderer.write(row, to: &json) }
        json.endArray()
        JSONGapRenderer.write(report.actions, asOf: report.asOf, to: &json)
        json.endObject()
        json.newline()
        try output(json.bytes)
    }

    /// The findings, as items of the array `json` has open, a slice at a time: the slices of a batch written at once
    /// on every core (a finding's message and evidence are worked out as it is written), then handed over in order.
    private static func write(_ findings: [Finding], after json: JSONWriter, to output: ([UInt8]) throws -> Void) rethrows {
        let slice = 1024, batch = 4 * slice
        for start in stride(from: 0, to: findings.count, by: batch) {
            let end = min(findings.count, start + batch), slices = (end - start + slice - 1) / slice
            let parts = Concurrently.map(slices) { number in
                let from = start + number * slice, to = min(end, from + slice)
                var items = json.items(afterItems: from > 0, capacity: 700 * (to - from))
                for index in from..<to { write(findings[index], to: &items) }
                return items.bytes
            }
            for part in parts { try output(part) }
        }
    }

    static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject()
        json.key(plain: "rule")
        json.string(finding.rule)
        json.key(plain: "severity")
        json.string(finding.severity.rawValue)
        json.key(plain: "subject")
        json.beginObject()
        json.key(plain: "type")
        json.string(finding.subject.type)
        json.key(plain: "id")
        json.string(finding.subject.id)
        json.key(plain: "name")
        json.string(finding.subject.name)
        json.endObject()
        json.key(plain: "message")
        json.string(finding.message)
        json.key(plain: "evidence")
        json.beginObject()
        for (key, value) in finding.evidence.sorted(by: { $0.key < $1.key }) {
            json.key(key)
            switch value {
            case .text(let text): json.string(text)
            case .number(let number): json.number(number)
            case .list(let list):
                json.beginArray()
                for item in list { json.string(item) }
                json.endArray()
            }
        }
        json.endObject()
        json.key(plain: "source")
        json.beginObject()
        json.key(plain: "path")
        json.string(finding.source.path)
        json.key(plain: "line")
        json.number(finding.source.line)
        json.endObject()
        // Added after the original keys, so readers of the first contract are undisturbed.
        json.key(plain: "title")
        json.string(finding.title)
        json.key(plain: "hint")
        json.string(finding.hint)
        json.key(plain: "owner")
        if let owner = finding.owner { json.string(owner) } else { json.null() }
        json.key(plain: "key")
        json.string(finding.rule, ":", finding.subject.id)  // `finding.key`, without making the string
        json.key(plain: "review")
        write(finding.review, to: &json)
        json.key(plain: "actions")
        json.beginArray()
        for action in finding.actions { json.number(Double(action.id)) }
        json.endArray()
        json.endObject()
    }

    /// `"actions": {"open": [...], "closedSinceReview": [...]}`, each action as `action list --format json` writes
    /// it; an open one also says how many of the report's `findings` it concerns (0: resolved, action still open).
    static func write(_ actions: ActionStandings, asOf: Day, to json: inout JSONWriter) {
        json.key(plain: "actions")
        json.beginObject()
        json.key(plain: "open")
        JSONValue.array(actions.open.map { .object($0.action.fields(asOf: asOf) + [("findings", .number(Double($0.findings)))]) })
            .write(to: &json)
        json.key(plain: "closedSinceReview")
        JSONValue.array(actions.closedSinceReview.map { .object($0.fields(asOf: asOf)) }).write(to: &json)
        json.endObject()
    }

    static func write(_ row: Coverage, to json: inout JSONWriter) {
        json.beginObject()
        for (key, text) in [("level", row.level), ("objective", row.objective), ("statement", row.statement)] {
            json.key(key)
            json.string(text)
        }
        for (key, count) in [("benefits", row.benefits), ("withDeliverable", row.withDeliverable),
                             ("withMeasurableMetric", row.withMeasurableMetric), ("recentlyMeasured", row.recentlyMeasured),
                             ("upToDateReview", row.upToDateReview)] {
            json.key(key)
            json.number(count)
        }
        json.key(plain: "reviewedRed")
        json.number(row.reviewedRed)
        json.key(plain: "review")
        write(row.review, to: &json)
        json.endObject()
    }

    /// A latest review as `{"rag", "date", "reviewer", "note"}`, or null.
    static func write(_ review: ReviewOutcome?, to json: inout JSONWriter) {
        guard let review else { return json.null() }
        json.beginObject()
        json.key(plain: "rag")
        json.string(review.rag.rawValue)
        json.key(plain: "date")
        json.string(review.date.description)
        for (key, text) in [("reviewer", review.reviewer), ("note", review.note)] {
            json.key(key)
            if let text { json.string(text) } else { json.null() }
        }
        json.endObject()
    }
}
