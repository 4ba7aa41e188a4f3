/// The findings as the reading formats (text, Markdown, HTML) lay them out, decided once here so that each
/// renderer only draws: by severity; one rule with one cause across several subjects (twenty metrics with no
/// owner) as one shared entry listing its subjects; every other finding beside the others of its subject, the
/// subject placed under its worst finding's severity. JSON and CSV keep one finding per row.
public struct FindingLayout: Sendable {
    /// One thing to read and act on.
    public enum Entry: Sendable, Hashable {
        /// One subject and its findings, worst first.
        case subject([Finding])
        /// One rule with the same message and evidence about several subjects, in report order.
        case shared([Finding])

        /// The entry's findings.
        public var findings: [Finding] {
            switch self {
            case .subject(let findings), .shared(let findings): findings
            }
        }

        /// How many subjects the entry is about.
        public var subjectCount: Int {
            switch self {
            case .subject: 1
            case .shared(let findings): findings.count
            }
        }
    }

    /// The entries placed under one severity.
    public struct Section: Sendable, Hashable {
        public var severity: Severity
        public var entries: [Entry]

        /// Findings drawn in this section (a subject's lesser findings included).
        public var findingCount: Int { entries.reduce(0) { $0 + $1.findings.count } }
        /// Subjects drawn in this section.
        public var subjectCount: Int { entries.reduce(0) { $0 + $1.subjectCount } }
    }

    /// How many subjects one rule and cause must reach to be shown once: two alike read well apart.
    public static let sharedMinimum = 3

    /// Most severe first; sections without entries left out.
    public let sections: [Section]

    /// Lays out findings given in report order (by severity, then rule).
    public init(_ findings: [Finding]) {
        // Findings alike in all but their subject: one rule, one cause (and the same actions, usually none).
        struct Cause: Hashable {
            var rule: String
            var message: String
            var details: [Finding.Detail]
            var actions: [Int64]

            init(_ finding: Finding) {
                (rule, message, details, actions) = (finding.rule, finding.message, finding.details, finding.actions.map(\.id))
            }
        }
        var alike: [Cause: [Int]] = [:]
        for index in findings.indices {
            let finding = findings[index]
            alike[Cause(finding), default: []].append(index)
        }
        var entries: [Severity: [Entry]] = [:]
        var subjectEntry: [Finding.Subject: (Severity, Int)] = [:]
        var placed = Set<Int>()
        for index in findings.indices where !placed.contains(index) {
            let finding = findings[index]
            let cause = Cause(finding)
            if let group = alike[cause], group.count >= FindingLayout.sharedMinimum {
                placed.formUnion(group)
                entries[finding.severity, default: []].append(.shared(group.map { findings[$0] }))
            } else if let (severity, position) = subjectEntry[finding.subject] {
                // Report order puts the worst first, so the subject's entry already sits under its worst severity.
                guard case .subject(var own) = entries[severity]![position] else { continue }
                own.append(finding)
                entries[severity]![position] = .subject(own)
            } else {
                subjectEntry[finding.subject] = (finding.severity, entries[finding.severity, default: []].count)
                entries[finding.severity, default: []].append(.subject([finding]))
            }
        }
        sections = Severity.allCases.sorted(by: >).compactMap { severity in
            entries[severity].map { Section(severity: severity, entries: $0) }
        }
    }
}
