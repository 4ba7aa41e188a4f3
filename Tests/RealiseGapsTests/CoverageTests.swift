import RealiseModel
import Testing
@testable import RealiseGaps

/// Coverage against a second, plain implementation in the test target (`CoverageReference`), which scans the
/// plan's links by the definitions and shares no code with `GapAnalyzer.coverage`.
@Suite("Coverage")
struct CoverageTests {
    private let asOf = Day(iso: "2025-06-30")!

    @Test("random plans: nested objectives, shared and repeated benefits, programmes, values and reviews")
    func randomPlans() throws {
        var generator = SeededGenerator(seed: 0x0C0F_E4A6_E001)
        func pick<T>(_ items: [T]) -> T { items.randomElement(using: &generator)! }
        let source = SourceRef(path: "plan.xml", line: 1, format: "realise-xml")
        for round in 0..<200 {
            var builder = PlanBuilder()
            let objectives = (1...Int.random(in: 1...6, using: &generator)).map { "O\($0)" }
            for (number, id) in objectives.enumerated() {
                builder.objective(id, parent: number > 0 && Bool.random(using: &generator) ? pick(Array(objectives[..<number])) : nil)
            }
            if Bool.random(using: &generator) { builder.link(.contributesTo, pick(objectives), pick(objectives)) }
            for id in ["D1", "D2"] { builder.deliverable(id) }
            let benefits = (1...Int.random(in: 1...8, using: &generator)).map { "B\($0)" }
            for id in benefits {
                builder.benefit(id, contributesTo: (0..<Int.random(in: 0...2, using: &generator)).map { _ in pick(objectives) },
                                enabledBy: Bool.random(using: &generator) ? [pick(["D1", "D2"])] : [])
                if Int.random(in: 0..<4, using: &generator) == 0 { builder.link(.dependsOn, id, pick(benefits)) }
            }
            for number in 1...Int.random(in: 1...5, using: &generator) {
                let kinds: [MetricValue.Kind] = [.baseline, .target, .measurement]
                builder.metric("M\(number)", measures: [pick(benefits)],
                               values: (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                                   (pick(kinds), pick(["2024-01-31", "2025-03-31", "2025-06-30", "2025-09-30"]), 1)
                               }, frequency: pick([nil, .monthly, .annually]))
            }
            var plan = builder.plan
            if round % 3 == 0 { plan.benefits.append(plan.benefits[0]) }  // a repeated id
            if round % 2 == 0 {
                plan.programmes = [Programme(id: "P1", name: "One", source: source), Programme(id: "P2", name: "Two", source: source)]
                for index in plan.benefits.indices { plan.benefits[index].programme = pick(["P1", "P2", "P3"]) }
            }
            let reviews = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                ReviewStanding(subject: pick(benefits + ["M1", "M2"]), due: pick([asOf.adding(days: -5), asOf.adding(days: 5)]),
                               lastReviewed: nil, cadence: "monthly", reviewer: nil)
            }
            let context = GapContext(plan: plan, asOf: asOf, history: GapHistory(reviews: reviews))
            #expect(try GapAnalyzer().coverage(context) == CoverageReference.coverage(plan, asOf: asOf, reviews: reviews), "round \(round)")
        }
    }
}
