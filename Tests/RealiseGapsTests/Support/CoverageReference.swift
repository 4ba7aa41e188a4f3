@testable import RealiseGaps
import RealiseModel

/// Coverage worked out a second time, from the plan's own arrays and the README's definitions, with none of
/// `GapContext`'s indexes or helpers and none of the rules' constants: each question is a plain scan of the
/// links, so that the test compares two ways of getting the answer, not one way with itself.
enum CoverageReference {
    /// 1.5 × the nominal days of a collection period (weekly 7 … annually 366), rounded half away from zero; a
    /// quarter's when the metric has no frequency.
    static let recentWindow: [Frequency?: Int] = [
        .weekly: 11, .fortnightly: 21, .monthly: 47, .quarterly: 138, .halfYearly: 275, .annually: 549, nil: 138,
    ]

    static func coverage(_ plan: Plan, asOf: Day, reviews: [ReviewStanding]) -> [Coverage] {
        let objectiveIds = Set(plan.objectives.map(\.id)), benefitIds = Set(plan.benefits.map(\.id))
        func targets(_ kind: Link.Kind, of id: String) -> [String] { plan.links.filter { $0.kind == kind && $0.from == id }.map(\.to) }
        func sources(_ kind: Link.Kind, of id: String) -> [String] { plan.links.filter { $0.kind == kind && $0.to == id }.map(\.from) }

        // An objective's tree: itself, its children by `parent`, the objectives contributing to it, and so on down.
        func tree(_ id: String) -> Set<String> {
            var found = Set<String>(), queue = [id]
            while let next = queue.popLast() {
                guard found.insert(next).inserted else { continue }
                queue += plan.objectives.filter { $0.parent == next }.map(\.id) + sources(.contributesTo, of: next).filter(objectiveIds.contains)
            }
            return found
        }
        // Delivered: the benefit, or one it depends on (at any remove), is enabled by something.
        func delivered(_ benefit: String) -> Bool {
            var seen = Set<String>(), queue = [benefit]
            while let next = queue.popLast() {
                guard seen.insert(next).inserted else { continue }
                if !targets(.enabledBy, of: next).isEmpty { return true }
                queue += targets(.dependsOn, of: next)
            }
            return false
        }
        func values(_ metric: String, _ kind: MetricValue.Kind) -> [MetricValue] { plan.values.filter { $0.metric == metric && $0.kind == kind } }
        func recent(_ metric: String) -> Bool {
            let window = recentWindow[plan.metrics.first { $0.id == metric }?.frequency] ?? 138
            return values(metric, .measurement).contains { $0.date <= asOf && $0.date.days(to: asOf) <= window }
        }
        // Reviewed: a subject with at least one review standing, none of them overdue.
        let reviewed = Set(reviews.map(\.subject)).filter { subject in reviews.allSatisfy { $0.subject != subject || $0.due >= asOf } }

        func row(_ level: String, _ id: String, _ statement: String, _ benefits: [String]) -> Coverage {
            var row = Coverage(level: level, objective: id, statement: statement, benefits: benefits.count,
                               withDeliverable: 0, withMeasurableMetric: 0, recentlyMeasured: 0, upToDateReview: 0)
            for benefit in benefits {
                let metrics = sources(.measures, of: benefit)
                if delivered(benefit) { row.withDeliverable += 1 }
                if metrics.contains(where: { !values($0, .baseline).isEmpty && !values($0, .target).isEmpty }) { row.withMeasurableMetric += 1 }
                if metrics.contains(where: recent) { row.recentlyMeasured += 1 }
                if reviewed.contains(benefit) || metrics.contains(where: reviewed.contains) { row.upToDateReview += 1 }
            }
            return row
        }
        // An objective counts each benefit id once; a programme counts the benefits listed under it.
        let objectives = plan.objectives.map { objective in
            let tree = tree(objective.id)
            let serving = Set(plan.links.filter { $0.kind == .contributesTo && tree.contains($0.to) && benefitIds.contains($0.from) }.map(\.from))
            return row("objective", objective.id, objective.statement, Array(serving))
        }
        let programmes = plan.programmes.isEmpty
            ? [row("programme", "*", "All benefits", plan.benefits.map(\.id))]
            : plan.programmes.map { programme in row("programme", programme.id, programme.name, plan.benefits.filter { $0.programme == programme.id }.map(\.id)) }
        return objectives + programmes
    }
}
