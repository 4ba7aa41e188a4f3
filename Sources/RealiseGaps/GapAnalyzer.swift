import RealiseModel

/// Runs the gap rules over a plan and computes coverage.
public struct GapAnalyzer: Sendable {
    /// The rules to run.
    public let rules: [any GapRule]

    /// - Parameters:
    ///   - only: run only these rule ids (all when empty).
    ///   - skip: rule ids not to run.
    /// - Throws: `GapError.unknownRule` for an id that is no rule's.
    public init(only: [String] = [], skip: [String] = []) throws(GapError) {
        for id in only + skip where GapRules.rule(id) == nil { throw .unknownRule(id) }
        rules = GapRules.all.filter { rule in
            let id = type(of: rule).id
            return (only.isEmpty || only.contains(id)) && !skip.contains(id)
        }
    }

    /// The report for `plan` as of `asOf`.
    /// - Parameters:
    ///   - history: revisions and review standings from the workspace (empty for plans read from files).
    ///   - tolerance: trajectory tolerance as a share of the baseline→target distance (default 10 %).
    ///   - wordingEvidence: whether to word each finding's evidence (`Finding.details`), which only the reading formats
    ///     show; a large report spends a tenth of its time on it.
    ///   - trajectories: whether to keep each metric's trajectory in the report (`GapReport.trajectories`) for charts;
    ///     a report that draws none spares the work.
    public func report(for plan: Plan, asOf: Day, history: GapHistory = GapHistory(), tolerance: Double = 0.1,
                       wordingEvidence: Bool = true, trajectories: Bool = true) -> GapReport {
        let context = GapContext(plan: plan, asOf: asOf, history: history, tolerance: tolerance)
        var findings = GapAnalyzer.inReportOrder(rules.map { $0.findings(in: context) })
        let owners = AccountableOwners(context)
        let openActions = history.actions.filter { $0.isOpen(on: asOf) }
        // A metric's unit once, however many findings it has: reading it from the unit text was a sixth of the report.
        var units: [String: QuantityUnit] = [:]
        for index in findings.indices {
            let subject = findings[index].subject
            findings[index].owner = owners.owner(of: subject)
            findings[index].review = context.latestReviews[subject.id]
            if !openActions.isEmpty {
                let key = findings[index].key
                findings[index].actions = openActions.filter { $0.concerns(findingKey: key, subject: subject.id) }
            }
            guard wordingEvidence else { continue }
            var unit = QuantityUnit.none
            if subject.type == EntityType.metric.rawValue {
                if let known = units[subject.id] {
                    unit = known
                } else if let metric = context.metric(subject.id) {
                    unit = QuantityUnit(metric)
                    units[subject.id] = unit
                }
            }
            findings[index].details = EvidenceWording.details(findings[index].evidence, unit: unit)
        }
        var summary = GapReport.Summary()
        for finding in findings {
            switch finding.severity {
            case .high: summary.high += 1
            case .medium: summary.medium += 1
            case .low: summary.low += 1
            }
        }
        var report = GapReport(asOf: asOf, summary: summary, findings: findings, coverage: coverage(context), plan: plan,
                               tolerance: tolerance)
        report.actions = ActionStandings(history.actions, findings: findings, asOf: asOf, latestReviews: context.latestReviews)
        if trajectories { report.trajectories = context.trajectories() }
        return report
    }

    /// Findings by severity (high first), then by their rule's place in `GapRules.all` (unknown rules first),
    /// then in the order they were found: `found` is each rule's findings, in the order the rules ran.
    static func inReportOrder(_ found: [[Finding]]) -> [Finding] {
        let order = Dictionary(uniqueKeysWithValues: GapRules.ids.enumerated().map { ($1, $0) })
        // Each finding's place as one number, its rule looked up once per run of one rule's findings: sorting
        // then compares integers instead of hashing rule ids.
        func key(_ finding: Finding, _ place: Int) -> Int {
            let severity = switch finding.severity {
            case .high: 0
            case .medium: 1
            case .low: 2
            }
            return severity * (order.count + 1) + place
        }
        var keys: [[Int]] = []
        var rule: String?, place = 0
        for findings in found {
            keys.append(findings.map { finding in
                if finding.rule != rule {
                    rule = finding.rule
                    place = order[finding.rule] ?? 0
                }
                return key(finding, place)
            })
        }
        // A rule's findings usually share one place (its id and severity): then whole groups are put in order
        // and joined, each finding copied once. Otherwise finding by finding.
        if keys.allSatisfy({ group in group.allSatisfy { $0 == group.first } }) {
            return found.indices.filter { !found[$0].isEmpty }
                .sorted { keys[$0][0] != keys[$1][0] ? keys[$0][0] < keys[$1][0] : $0 < $1 }
                .flatMap { found[$0] }
        }
        let findings = found.flatMap { $0 }, flat = keys.flatMap { $0 }
        return findings.indices.sorted { flat[$0] != flat[$1] ? flat[$0] < flat[$1] : $0 < $1 }.map { findings[$0] }
    }
}

/// Why a gap analysis could not run.
public enum GapError: Error, Sendable, CustomStringConvertible {
    case unknownRule(String)

    public var description: String {
        switch self {
        case .unknownRule(let id):
            "unknown rule '\(id)'" + (NearMiss.closest(to: id, among: GapRules.ids).map { " (did you mean `\($0)`?)" } ?? "")
                + "; the rules are: \(GapRules.ids.joined(separator: ", "))"
        }
    }
}
