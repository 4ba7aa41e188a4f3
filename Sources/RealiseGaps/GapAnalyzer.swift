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
    ///   - readings: the plan's values as rules read them, when the plan was loaded without them
    ///     (`Workspace.loadPlanReadings`); nil reads `plan.values`.
    ///   - history: revisions and review standings from the workspace (empty for plans read from files).
    ///   - tolerance: trajectory tolerance as a share of the baseline→target distance (default 10 %).
    ///   - wordingEvidence: whether to word each finding's evidence (`Finding.details`), which only the reading formats
    ///     show; a large report spends a tenth of its time on it.
    ///   - trajectories: whether to keep each metric's trajectory in the report (`GapReport.trajectories`) for charts;
    ///     a report that draws none spares the work.
    public func report(for plan: Plan, readings: consuming MetricReadings? = nil, asOf: Day, history: GapHistory = GapHistory(),
                       tolerance: Double = 0.1, wordingEvidence: Bool = true, trajectories: Bool = true) -> GapReport {
        var analysis = analyse(plan, readings: consume readings, asOf: asOf, history: history, tolerance: tolerance,
                               wordingEvidence: wordingEvidence, trajectories: trajectories)
        // The rules' own arrays go as soon as the report's is made.
        let findings = GapAnalyzer.inReportOrder(analysis.found)
        analysis.found = []
        var summary = GapReport.Summary()
        for finding in findings {
            switch finding.severity {
            case .high: summary.high += 1
            case .medium: summary.medium += 1
            case .low: summary.low += 1
            }
        }
        var report = GapReport(asOf: asOf, summary: summary, findings: findings, coverage: analysis.coverage, plan: plan,
                               tolerance: tolerance)
        report.actions = ActionStandings(history.actions, findings: findings, asOf: asOf, latestReviews: analysis.latestReviews)
        report.trajectories = analysis.trajectories
        return report
    }

    /// What the analysis of a plan gives before its findings are put in report order.
    private struct Analysis {
        /// Each rule's findings, finished, in the order of the rules.
        var found: [[Finding]]
        var coverage: [Coverage]
        var latestReviews: [String: ReviewOutcome]
        var trajectories: [String: Trajectory]
    }

    /// The rules' findings, finished (`finish`), and the coverage, from a context made and dropped here: its indexes
    /// and the plan's readings are gone before the findings are copied into report order, where the two together were
    /// a large report's peak of memory.
    private func analyse(_ plan: Plan, readings: consuming MetricReadings?, asOf: Day, history: GapHistory, tolerance: Double,
                         wordingEvidence: Bool, trajectories: Bool) -> Analysis {
        let context = GapContext(plan: plan, readings: readings, asOf: asOf, history: history, tolerance: tolerance)
        // The rules and the coverage are independent of each other: all at once, each rule's findings in its place.
        // The coverage, the longest piece, is taken first: taken last, it ran alone on one core.
        let rules = rules
        var work = Concurrently.map(rules.count + 1) { index in
            index == 0 ? .coverage(coverage(context)) : Work.findings(GapAnalyzer.fitted(rules[index - 1].findings(in: context)))
        }
        let rows = work.lazy.compactMap(\.coverage).first ?? []
        var found = work.compactMap(\.findings)
        work = []
        let owners = AccountableOwners(context)
        let openActions = context.history.actions.filter { $0.isOpen(on: context.asOf) }
        for index in found.indices {
            finish(&found[index], context, owners: owners, openActions: openActions, wordingEvidence: wordingEvidence)
        }
        return Analysis(found: found, coverage: rows, latestReviews: context.latestReviews,
                        trajectories: trajectories ? context.trajectories() : [:])
    }

    /// The findings in an array of their own size: a rule's array grows by doubling, to up to twice what it holds,
    /// and every rule's is held until the findings are put in order.
    static func fitted(_ findings: [Finding]) -> [Finding] {
        guard findings.capacity > findings.count + findings.count / 8 else { return findings }
        return Array(unsafeUninitializedCapacity: findings.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: findings)
        }
    }

    /// What one piece of the analysis gives.
    private enum Work: Sendable {
        case findings([Finding])
        case coverage([Coverage])

        var findings: [Finding]? { if case .findings(let findings) = self { findings } else { nil } }
        var coverage: [Coverage]? { if case .coverage(let rows) = self { rows } else { nil } }
    }

    /// Gives the findings their owners, reviews, open actions and (when `wordingEvidence`) worded evidence, in place,
    /// a slice at a time on every core.
    private func finish(_ findings: inout [Finding], _ context: GapContext, owners: AccountableOwners, openActions: [ActionItem],
                        wordingEvidence: Bool) {
        Concurrently.update(&findings, slicesOf: 8192) { slice in
            // A metric's unit once per slice, however many findings it has: reading it from the unit text was a
            // sixth of the report.
            var units: [String: QuantityUnit] = [:]
            for index in slice.indices {
                let subject = slice[index].subject
                slice[index].owner = owners.owner(of: subject)
                slice[index].review = context.latestReviews[subject.id]
                if !openActions.isEmpty {
                    let key = slice[index].key
                    slice[index].actions = openActions.filter { $0.concerns(findingKey: key, subject: subject.id) }
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
                slice[index].details = EvidenceWording.details(slice[index].evidence, unit: unit)
            }
        }
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
            var ordered: [Finding] = []
            ordered.reserveCapacity(keys.reduce(0) { $0 + $1.count })
            for group in found.indices.filter({ !found[$0].isEmpty })
                .sorted(by: { keys[$0][0] != keys[$1][0] ? keys[$0][0] < keys[$1][0] : $0 < $1 }) {
                ordered += found[group]
            }
            return ordered
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
