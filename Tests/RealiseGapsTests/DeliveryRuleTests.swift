import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("Delivery and measurement rules")
struct DeliveryRuleTests {
    let asOf = Day(iso: "2025-06-30")!

    private func ids(_ rule: any GapRule, _ plan: Plan, history: GapHistory = GapHistory()) -> [String] {
        rule.findings(in: GapContext(plan: plan, asOf: asOf, history: history)).map(\.subject.id)
    }

    @Test("benefit-before-enabler uses actual, forecast, planned finish, and a summary's children")
    func benefitBeforeEnabler() {
        var builder = PlanBuilder()
        builder.deliverable("D1", planned: "2025-03-31", forecast: "2025-09-30")
        builder.deliverable("D2", planned: "2025-09-30", actual: "2025-03-31")
        builder.deliverable("S", kind: .summary)
        builder.deliverable("S.1", parent: "S", planned: "2026-01-31")
        builder.benefit("Early", enabledBy: ["D1"], start: "2025-06-01")
        builder.benefit("Fine", enabledBy: ["D2"], start: "2025-06-01")
        builder.benefit("ViaSummary", enabledBy: ["S"], start: "2025-12-01")
        builder.benefit("NoStart", enabledBy: ["D1"])
        let found = DeliveryRuleTests().ids(BenefitBeforeEnabler(), builder.plan)
        #expect(found == ["Early", "ViaSummary"])
    }

    @Test("deliverable-slipped compares actual, then forecast, then planned finish with the baseline")
    func slipped() throws {
        var builder = PlanBuilder()
        builder.deliverable("Late", planned: "2025-01-31", baseline: "2025-01-31", forecast: "2025-03-02")
        builder.deliverable("Early", baseline: "2025-01-31", actual: "2025-01-15")
        builder.deliverable("Replanned", planned: "2025-02-28", baseline: "2025-01-31")
        builder.deliverable("NoBaseline", planned: "2026-01-31")
        let findings = DeliveryRuleTests().findingsOf(DeliverableSlipped(), builder.plan)
        #expect(findings.map(\.subject.id) == ["Late", "Replanned"])
        #expect(findings.first?.evidence["slipDays"] == .number(30))
    }

    private func findingsOf(_ rule: any GapRule, _ plan: Plan) -> [Finding] {
        rule.findings(in: GapContext(plan: plan, asOf: asOf))
    }

    @Test("metric-off-trajectory fires only beyond tolerance, by direction, and never on qualitative metrics")
    func offTrajectory() {
        var builder = PlanBuilder()
        let line: [(MetricValue.Kind, String, Double)] = [(.baseline, "2024-06-30", 100), (.target, "2026-06-30", 200)]
        builder.metric("Behind", values: line + [(.measurement, "2025-06-30", 130)])
        builder.metric("WithinTolerance", values: line + [(.measurement, "2025-06-30", 141)])
        builder.metric("Ahead", values: line + [(.measurement, "2025-06-30", 190)])
        builder.metric("LatestCounts", values: line + [(.measurement, "2025-01-01", 50), (.measurement, "2025-06-30", 150)])
        builder.metric("FutureIgnored", values: line + [(.measurement, "2025-06-01", 149), (.measurement, "2025-12-31", 10)])
        builder.metric("DecreaseBehind", values: [(.baseline, "2024-06-30", 60), (.target, "2026-06-30", 40), (.measurement, "2025-06-30", 58)],
                       direction: .decrease)
        builder.metric("DecreaseFine", values: [(.baseline, "2024-06-30", 60), (.target, "2026-06-30", 40), (.measurement, "2025-06-30", 45)],
                       direction: .decrease)
        builder.metric("Qualitative", values: line + [(.measurement, "2025-06-30", 1)], type: .qualitative)
        builder.metric("NoTarget", values: [(.baseline, "2024-06-30", 100), (.measurement, "2025-06-30", 1)])
        #expect(ids(OffTrajectoryProbe.rule, builder.plan) == ["Behind", "DecreaseBehind"])
    }

    @Test("metric-forecast-shortfall needs three measurements and misses beyond tolerance")
    func forecastShortfall() {
        var builder = PlanBuilder()
        let line: [(MetricValue.Kind, String, Double)] = [(.baseline, "2024-01-01", 0), (.target, "2027-01-01", 100)]
        builder.metric("Flatlining", values: line + [(.measurement, "2024-06-30", 10), (.measurement, "2024-12-31", 11), (.measurement, "2025-06-30", 12)])
        builder.metric("OnCourse", values: line + [(.measurement, "2024-06-30", 16), (.measurement, "2024-12-31", 33), (.measurement, "2025-06-30", 50)])
        builder.metric("TwoPoints", values: line + [(.measurement, "2024-12-31", 1), (.measurement, "2025-06-30", 2)])
        #expect(ids(MetricForecastShortfall(), builder.plan) == ["Flatlining"])
    }

    @Test("stale-metric: no measurement within 1.5 × frequency, or none since the baseline")
    func stale() {
        var builder = PlanBuilder()
        builder.metric("Fresh", values: [(.baseline, "2024-01-01", 1), (.measurement, "2025-05-01", 2)])
        builder.metric("Old", values: [(.baseline, "2024-01-01", 1), (.measurement, "2025-01-01", 2)])
        builder.metric("NeverMeasured", values: [(.baseline, "2024-01-01", 1)])
        builder.metric("NewBaseline", values: [(.baseline, "2025-06-01", 1)])
        builder.metric("MonthlyLate", values: [(.baseline, "2024-01-01", 1), (.measurement, "2025-05-01", 2)], frequency: .monthly)
        builder.metric("Nothing")
        #expect(ids(StaleMetric(), builder.plan) == ["Old", "NeverMeasured", "MonthlyLate"])
    }
}

/// The off-trajectory rule under test (kept in one place so the test reads as a table).
enum OffTrajectoryProbe {
    static let rule = MetricOffTrajectory()
}
