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
    public func report(for plan: Plan, asOf: Day, history: GapHistory = GapHistory(), tolerance: Double = 0.1) -> GapReport {
        let context = GapContext(plan: plan, asOf: asOf, history: history, tolerance: tolerance)
        var findings = rules.flatMap { $0.findings(in: context) }
        let order = Dictionary(uniqueKeysWithValues: GapRules.ids.enumerated().map { ($1, $0) })
        findings = findings.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let ra = order[a.element.rule] ?? 0, rb = order[b.element.rule] ?? 0
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        var summary = GapReport.Summary()
        for finding in findings {
            switch finding.severity {
            case .high: summary.high += 1
            case .medium: summary.medium += 1
            case .low: summary.low += 1
            }
        }
        return GapReport(asOf: asOf, summary: summary, findings: findings, coverage: coverage(context), plan: plan,
                         tolerance: tolerance)
    }

    private func coverage(_ context: GapContext) -> [Coverage] {
        // Subjects whose every scheduled review is up to date (none overdue).
        let standings = Dictionary(grouping: context.history.reviews, by: \.subject)
        let reviewed = Set(standings.filter { $0.value.allSatisfy { $0.due >= context.asOf } }.keys)
        // A benefit is counted in the row of every objective above it and in its programme's: what is known
        // about it is worked out once.
        var standing: [String: BenefitStanding] = [:]
        func standingOf(_ benefit: String) -> BenefitStanding {
            if let known = standing[benefit] { return known }
            let metrics = context.metrics(measuring: benefit)
            let found = BenefitStanding(
                delivered: context.hasDeliveryPath(benefit),
                measurable: metrics.contains { metric in
                    let values = context.values[metric] ?? []
                    return values.contains { $0.kind == .baseline } && values.contains { $0.kind == .target }
                },
                recentlyMeasured: metrics.contains { isRecentlyMeasured($0, context) },
                reviewed: reviewed.contains(benefit) || metrics.contains(where: reviewed.contains))
            standing[benefit] = found
            return found
        }
        func row(level: String, id: String, statement: String, benefits: [String]) -> Coverage {
            var row = Coverage(level: level, objective: id, statement: statement, benefits: benefits.count,
                               withDeliverable: 0, withMeasurableMetric: 0, recentlyMeasured: 0, upToDateReview: 0)
            for benefit in benefits {
                let known = standingOf(benefit)
                if known.delivered { row.withDeliverable += 1 }
                if known.measurable { row.withMeasurableMetric += 1 }
                if known.recentlyMeasured { row.recentlyMeasured += 1 }
                if known.reviewed { row.upToDateReview += 1 }
            }
            return row
        }
        let objectives = context.plan.objectives.map { objective in
            row(level: "objective", id: objective.id, statement: objective.statement,
                benefits: context.benefits(servingObjective: objective.id))
        }
        let programmes = context.plan.programmes.isEmpty
            ? [row(level: "programme", id: "*", statement: "All benefits", benefits: context.plan.benefits.map(\.id))]
            : context.plan.programmes.map { programme in
                row(level: "programme", id: programme.id, statement: programme.name,
                    benefits: context.plan.benefits.filter { $0.programme == programme.id }.map(\.id))
            }
        return objectives + programmes
    }

    /// What the coverage counts of one benefit.
    private struct BenefitStanding {
        var delivered: Bool
        var measurable: Bool
        var recentlyMeasured: Bool
        var reviewed: Bool
    }

    /// A measurement on or before as-of within 1.5 × the metric's collection frequency (a quarter when unset).
    private func isRecentlyMeasured(_ metric: String, _ context: GapContext) -> Bool {
        let frequency = context.metricsById[metric]?.frequency
        let window = StaleMetric.window(frequency)
        return (context.values[metric] ?? []).contains { value in
            value.kind == .measurement && value.date <= context.asOf && value.date.days(to: context.asOf) <= window
        }
    }
}

/// Why a gap analysis could not run.
public enum GapError: Error, Sendable, CustomStringConvertible {
    case unknownRule(String)

    public var description: String {
        switch self {
        case .unknownRule(let id): "unknown rule '\(id)'; the rules are: \(GapRules.ids.joined(separator: ", "))"
        }
    }
}
