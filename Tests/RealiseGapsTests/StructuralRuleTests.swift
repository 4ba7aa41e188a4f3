import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("Structural gap rules")
struct StructuralRuleTests {
    let asOf = Day(iso: "2025-06-30")!

    private func findings(_ rule: any GapRule, _ plan: Plan) -> [Finding] {
        rule.findings(in: GapContext(plan: plan, asOf: asOf))
    }

    @Test("objective-without-benefit counts benefits of nested objectives")
    func objectiveWithoutBenefit() {
        var builder = PlanBuilder()
        builder.objective("V1")
        builder.objective("O1", parent: "V1")
        builder.objective("O2", parent: "V1")
        builder.objective("O3")
        builder.link(.contributesTo, "O3", "V1")
        builder.benefit("B1", contributesTo: ["O1"])
        let found = findings(ObjectiveWithoutBenefit(), builder.plan)
        #expect(found.map(\.subject.id) == ["O2", "O3"])
        #expect(found.allSatisfy { $0.severity == .high && $0.rule == "objective-without-benefit" && $0.subject.type == "objective" })
        #expect(found.first?.source == Finding.Source(path: "plan.xml", line: 4))
    }

    @Test("benefit-without-deliverable and benefit-without-metric")
    func benefitGaps() {
        var builder = PlanBuilder()
        builder.objective("O1")
        builder.deliverable("D1")
        builder.benefit("B1", contributesTo: ["O1"], enabledBy: ["D1"])
        builder.benefit("B2", contributesTo: ["O1"])
        builder.benefit("End", contributesTo: ["O1"])
        builder.link(.dependsOn, "End", "B1")
        builder.benefit("EndOfNothing")
        builder.link(.dependsOn, "EndOfNothing", "B2")
        builder.metric("M1", measures: ["B2", "End", "EndOfNothing"])
        // End depends on B1, which D1 enables: it has a delivery path; EndOfNothing depends only on B2.
        #expect(findings(BenefitWithoutDeliverable(), builder.plan).map(\.subject.id) == ["B2", "EndOfNothing"])
        #expect(findings(BenefitWithoutMetric(), builder.plan).map(\.subject.id) == ["B1"])
        let evidence = findings(BenefitWithoutDeliverable(), builder.plan).first?.evidence["contributesTo"]
        #expect(evidence == .list(["O1"]))
    }

    @Test("orphan-deliverable: leaves serving no benefit directly or through a parent")
    func orphanDeliverable() {
        var builder = PlanBuilder()
        builder.deliverable("P", kind: .summary)
        builder.deliverable("P.1", parent: "P")
        builder.deliverable("P.1.1", parent: "P.1")
        builder.deliverable("Q", kind: .summary)
        builder.deliverable("Q.1", parent: "Q")
        builder.deliverable("Lonely", kind: .project)
        builder.deliverable("EmptySummary", kind: .summary)
        builder.deliverable("Design")
        builder.deliverable("Build")
        builder.deliverable("Unrelated")
        builder.link(.dependsOn, "Build", "Design")
        builder.link(.dependsOn, "Unrelated", "Lonely")
        builder.benefit("B1", enabledBy: ["P", "Build"])
        let found = findings(OrphanDeliverable(), builder.plan)
        // Design is a prerequisite of Build, which enables B1; Lonely is only a prerequisite of an orphan.
        #expect(found.map(\.subject.id) == ["Q.1", "Lonely", "Unrelated"])
        #expect(found.first?.evidence["parents"] == .list(["Q"]))
        #expect(found.first?.severity == .medium)
    }

    @Test("metric-without-baseline and metric-without-target")
    func metricGaps() {
        var builder = PlanBuilder()
        builder.benefit("B1")
        builder.metric("M1", measures: ["B1"], values: [(.baseline, "2024-01-01", 10), (.target, "2026-01-01", 20)])
        builder.metric("M2", measures: ["B1"], values: [(.target, "2026-01-01", 20)])
        builder.metric("M3", measures: ["B1"], values: [(.baseline, "2024-01-01", 5), (.measurement, "2025-01-01", 6)])
        #expect(findings(MetricWithoutBaseline(), builder.plan).map(\.subject.id) == ["M2"])
        let noTarget = findings(MetricWithoutTarget(), builder.plan)
        #expect(noTarget.map(\.subject.id) == ["M3"])
        #expect(noTarget.first?.evidence["baselineValue"] == .number(5))
        #expect(noTarget.first?.evidence["baselineDate"] == .text("2024-01-01"))
    }
}

@Suite("Gap analyzer")
struct GapAnalyzerTests {
    static let structural = ["objective-without-benefit", "benefit-without-deliverable", "benefit-without-metric",
                             "orphan-deliverable", "metric-without-baseline", "metric-without-target"]

    private func samplePlan() -> Plan {
        var builder = PlanBuilder()
        builder.objective("O1")
        builder.objective("O2")
        builder.deliverable("D1")
        builder.deliverable("D2")
        builder.benefit("B1", contributesTo: ["O1"], enabledBy: ["D1"])
        builder.benefit("B2", contributesTo: ["O1"])
        builder.metric("M1", measures: ["B1"], values: [(.baseline, "2024-01-01", 10), (.target, "2026-01-01", 20),
                                                        (.measurement, "2025-05-01", 14)])
        return builder.plan
    }

    @Test("findings are ordered high before medium, then by rule, and summarised")
    func ordering() throws {
        let report = try GapAnalyzer(only: GapAnalyzerTests.structural).report(for: samplePlan(), asOf: Day(iso: "2025-06-30")!)
        #expect(report.findings.map(\.rule) == ["objective-without-benefit", "benefit-without-deliverable",
                                               "benefit-without-metric", "orphan-deliverable"])
        #expect(report.summary == GapReport.Summary(high: 3, medium: 1, low: 0))
        #expect(report.worst == .high)
    }

    @Test("--only and --skip select rules; an unknown rule is an error")
    func selection() throws {
        let plan = samplePlan()
        let day = Day(iso: "2025-06-30")!
        #expect(try GapAnalyzer(only: ["orphan-deliverable"]).report(for: plan, asOf: day).findings.map(\.subject.id) == ["D2"])
        let skipped = try GapAnalyzer(skip: ["orphan-deliverable", "objective-without-benefit", "missing-owner",
                                             "metric-off-trajectory"]).report(for: plan, asOf: day)
        #expect(Set(skipped.findings.map(\.rule)) == ["benefit-without-deliverable", "benefit-without-metric"])
        #expect(throws: GapError.self) { try GapAnalyzer(only: ["made-up"]) }
        #expect(GapRules.ids.count == Set(GapRules.ids).count)
        #expect(GapRules.ids.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
    }

    @Test("coverage counts an objective's benefits with a deliverable, a measurable metric and a recent measurement")
    func coverage() throws {
        let report = try GapAnalyzer().report(for: samplePlan(), asOf: Day(iso: "2025-06-30")!)
        let first = try #require(report.coverage.first)
        #expect(first.objective == "O1")
        #expect(first.benefits == 2 && first.withDeliverable == 1 && first.withMeasurableMetric == 1 && first.recentlyMeasured == 1)
        #expect(first.percent(first.withDeliverable) == 50)
        let stale = try GapAnalyzer().report(for: samplePlan(), asOf: Day(iso: "2026-06-30")!)
        #expect(stale.coverage.first?.recentlyMeasured == 0)
        let o2 = try #require(report.coverage.first { $0.objective == "O2" })
        #expect(o2.benefits == 0 && o2.percent(0) == nil && o2.level == "objective")
        let total = try #require(report.coverage.last)
        #expect(total.level == "programme" && total.objective == "*" && total.benefits == 2 && total.withDeliverable == 1)
    }
}
