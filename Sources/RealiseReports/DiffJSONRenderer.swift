import RealiseGaps
import RealiseModel

/// The diff report as its JSON contract, keys in this order:
/// `{"from": {"label", "date"}, "to": {"label", "date"}, "summary": {KIND: count, …}, "changes": [{"kind",
/// "subject": {"type", "id", "name"}, "field", "before", "after", "days", "source": {"path", "line"}}]}`.
/// `summary` has every kind, zero included, in `ChangeKind`'s order. `field`, `before`, `after`, `days` and
/// `source` are null when they do not apply; `before` and `after` are a string (text, or a day `YYYY-MM-DD`), a
/// number, or for a metric's value `{"date", "value", …}` with `text`, `note`, `dataSource` and `confidence` when it
/// has them (`value` is null for a qualitative value, whose words are in `text`).
public struct DiffJSONRenderer: DiffReportRenderer {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        let summary = report.summary.map { ($0.kind.rawValue, JSONValue.number(Double($0.count))) }
        return JSONValue.object([
            ("from", end(report.from)), ("to", end(report.to)), ("summary", .object(summary)),
            ("changes", .array(report.changes.map(DiffJSONRenderer.change))),
        ]).serialised() + "\n"
    }

    private func end(_ end: DiffReport.End) -> JSONValue {
        .object([("label", .string(end.label)), ("date", .string(end.date.description))])
    }

    static func change(_ change: PlanChange) -> JSONValue {
        .object([
            ("kind", .string(change.kind.rawValue)),
            ("subject", .object([("type", .string(change.subject.type)), ("id", .string(change.subject.id)),
                                 ("name", .string(change.subject.name))])),
            ("field", .from(change.field)), ("before", json(change.before)), ("after", json(change.after)),
            ("days", .from(change.days.map(Double.init))),
            ("source", change.source.map { .object([("path", .string($0.path)), ("line", .number(Double($0.line)))]) } ?? .null),
        ])
    }

    /// A value before or after a change as JSON.
    static func json(_ value: ChangeValue?) -> JSONValue {
        switch value {
        case nil: return .null
        case .text(let text)?: return .string(text)
        case .number(let number)?: return .number(number)
        case .day(let day)?: return .string(day.description)
        case .value(let value)?:
            var pairs: [(String, JSONValue)] = [("date", .string(value.date.description)), ("value", .from(value.value))]
            if let text = value.text { pairs.append(("text", .string(text))) }
            if let note = value.note { pairs.append(("note", .string(note))) }
            if let source = value.dataSource { pairs.append(("dataSource", .string(source))) }
            if let confidence = value.confidence { pairs.append(("confidence", .string(confidence.rawValue))) }
            return .object(pairs)
        }
    }
}
