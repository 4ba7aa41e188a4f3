/// How much a finding matters. Ordered: `high` > `medium` > `low`.
public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
    case high, medium, low

    private var rank: Int {
        switch self {
        case .high: 3
        case .medium: 2
        case .low: 1
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
