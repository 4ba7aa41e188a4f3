/// A deliverable whose actual, forecast or current planned finish is later than its baseline finish.
public struct DeliverableSlipped: GapRule {
    public static let id = "deliverable-slipped"
    public static let title = "Deliverable later than its baseline"
    public static let severity = Severity.medium
    public static let explanation = "A deliverable's forecast or actual finish is later than its baseline finish."
    public static let hint = "Re-plan the benefits it enables, or recover the schedule; re-baseline only with approval."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.deliverables.compactMap { deliverable in
            guard let baseline = deliverable.baselineFinish, let finish = deliverable.expectedFinish, finish > baseline else {
                return nil
            }
            let basis = deliverable.actualFinish != nil ? "actual" : deliverable.forecastFinish != nil ? "forecast" : "planned"
            let days = baseline.days(to: finish)
            return Finding(rule: self, about: deliverable,
                           message: "\(basis) finish \(finish) is \(days) days after the baseline finish \(baseline)",
                           evidence: ["baselineFinish": .text(baseline.description), "\(basis)Finish": .text(finish.description),
                                      "slipDays": .number(Double(days))])
        }
    }
}
