import RealiseModel

/// A value before or after a change: a field's text, number or day, or one dated value of a metric.
public enum ChangeValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case day(Day)
    /// A baseline, target or measurement: its day, number or text, note, data source and confidence (its
    /// source location is not part of it).
    case value(MetricValue)

    /// The value on one line for people: `52`, `2026-03-31`, `8000 by 2028-03-31` (a target),
    /// `1150 on 2025-09-30` (a baseline or measurement), with its note, source and confidence after it.
    public var description: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return number.plainText
        case .day(let day): return day.description
        case .value(let value):
            let amount = value.value?.plainText ?? value.text ?? "no value"
            var extras: [String] = []
            if let note = value.note { extras.append("note: \(note)") }
            if let source = value.dataSource { extras.append("source: \(source)") }
            if let confidence = value.confidence { extras.append("confidence: \(confidence.rawValue)") }
            return "\(amount) \(value.kind == .target ? "by" : "on") \(value.date)"
                + (extras.isEmpty ? "" : " (" + extras.joined(separator: "; ") + ")")
        }
    }

    /// The day the value is or is about, if any: for ordering changes of one subject and field.
    var day: Day? {
        switch self {
        case .day(let day): day
        case .value(let value): value.date
        case .text, .number: nil
        }
    }
}

extension MetricValue {
    /// Whether two values of one metric say the same, whatever file and line they were read from: the same kind,
    /// day, number (52 and 52.0 are one number), text, note, data source and confidence.
    func sameContent(as other: MetricValue) -> Bool {
        kind == other.kind && date == other.date && value == other.value && FieldText.same(text, other.text)
            && FieldText.same(note, other.note) && FieldText.same(dataSource, other.dataSource) && confidence == other.confidence
    }

    /// Whether two values state the same number (or, for qualitative values, the same text).
    func sameAmount(as other: MetricValue) -> Bool {
        value == other.value && (value != nil || FieldText.same(text, other.text))
    }
}

/// How texts are compared: a change in white space alone (a line re-wrapped, spaces doubled, a trailing blank)
/// is a change of form, not of content.
enum FieldText {
    /// `text` with every run of white space one space, trimmed.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Whether two optional texts say the same (an empty text is no text).
    static func same(_ a: String?, _ b: String?) -> Bool {
        let a = a.map(normalised).flatMap { $0.isEmpty ? nil : $0 }, b = b.map(normalised).flatMap { $0.isEmpty ? nil : $0 }
        return a == b
    }
}
