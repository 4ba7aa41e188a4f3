import RealiseModel

/// The IATI code lists the mapping reads, in both spellings: the numeric codes of 2.0x and the words of
/// 1.0x files (`output`, `Unit`, `start-planned`, `Funding`). Words are compared case-insensitively.
enum IATICodes {
    /// What a result is in the results chain.
    enum ResultType {
        case output, outcome, impact, other
    }

    /// The result type, nil when missing or not a known code.
    static func resultType(_ code: String?) -> ResultType? {
        switch code?.trimmed.lowercased() {
        case "1", "output": .output
        case "2", "outcome": .outcome
        case "3", "impact": .impact
        case "9", "other": .other
        default: nil
        }
    }

    /// The Realise measure type of an indicator `@measure`, nil when missing or not a known code.
    /// IATI's nominal (3) is a count of categories, read as a number.
    static func measureType(_ code: String?) -> Metric.MeasureType? {
        switch code?.trimmed.lowercased() {
        case "1", "unit": .number
        case "2", "percentage": .percentage
        case "3", "nominal": .number
        case "4", "ordinal": .ordinal
        case "5", "qualitative": .qualitative
        default: nil
        }
    }

    /// The direction of `@ascending`: `0`/`false` is decrease; `1`/`true` or missing is increase; nil when
    /// it is something else.
    static func direction(_ ascending: String?) -> Metric.Direction? {
        guard let text = ascending?.trimmed.lowercased(), !text.isEmpty else { return .increase }
        switch text {
        case "1", "true": return .increase
        case "0", "false": return .decrease
        default: return nil
        }
    }

    /// Which deliverable date an `activity-date` type sets.
    enum DateRole {
        case plannedStart, actualStart, plannedFinish, actualFinish
    }

    static func dateRole(_ type: String) -> DateRole? {
        switch type.trimmed.lowercased() {
        case "1", "start-planned": .plannedStart
        case "2", "start-actual": .actualStart
        case "3", "end-planned": .plannedFinish
        case "4", "end-actual": .actualFinish
        default: nil
        }
    }

    /// How a related activity relates to this one.
    static func relation(_ type: String) -> String {
        switch type.trimmed.lowercased() {
        case "1", "parent": "parent"
        case "2", "child": "child"
        case "3", "sibling": "sibling"
        case "4", "co-funded": "co-funded"
        case "5", "third party": "third party"
        default: "related (type \(type))"
        }
    }

    /// A participating organisation's role in words.
    static func role(_ code: String?) -> String? {
        guard let code = code?.trimmed, !code.isEmpty else { return nil }
        switch code.lowercased() {
        case "1", "funding": return "funding"
        case "2", "extending": return "extending"
        case "3", "implementing": return "implementing"
        case "4", "accountable": return "accountable"
        default: return "role \(code)"
        }
    }

    /// The activity status in words; an unknown code is kept as written.
    static func status(_ code: String?) -> String? {
        guard let code = code?.trimmed, !code.isEmpty else { return nil }
        switch code.lowercased() {
        case "1": return "pipeline"
        case "2": return "implementation"
        case "3": return "finalisation"
        case "4": return "closed"
        case "5": return "cancelled"
        case "6": return "suspended"
        default: return code
        }
    }
}
