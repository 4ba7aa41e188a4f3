/// A benefit whose realisation starts before its enabling deliverables are finished: the benefit is
/// promised before the thing that produces it exists.
public struct BenefitBeforeEnabler: GapRule {
    public static let id = "benefit-before-enabler"
    public static let title = "Benefit expected before what enables it"
    public static let severity = Severity.high
    public static let explanation = "A benefit's realisation starts before its enabling deliverables finish."
    public static let hint = "Move the realisation start after the enabler's forecast finish, or bring the enabler forward."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.benefits.indices.compactMap { index in
            guard let start = context.plan.benefits[index].realisationStart else { return nil }
            let late = context.links(ofBenefitAt: index).targets(.enabledBy)
                .compactMap { id in context.expectedFinish(of: id).map { (id, $0) } }
                .filter { $0.1 > start }
            guard let latest = late.max(by: { $0.1 < $1.1 }) else { return nil }
            let days = start.days(to: latest.1)
            return Finding(rule: self, about: context.plan.benefits[index],
                           message: "realisation starts \(start), \(days) days before enabler \(latest.0) finishes (\(latest.1))",
                           evidence: ["realisationStart": .text(start.description), "enabler": .text(latest.0),
                                      "enablerFinish": .text(latest.1.description), "daysEarly": .number(Double(days)),
                                      "lateEnablers": .list(late.map(\.0))])
        }
    }
}
