import RealiseModel

/// A target revised to be less ambitious since an earlier import.
public struct TargetLowered: GapRule {
    public static let id = "target-lowered"
    public static let title = "Target lowered since first agreed"
    public static let severity = Severity.medium
    public static let explanation = "A target was revised to be less ambitious since an earlier import."
    public static let hint = "Make sure the change was approved and explained to the board; keep the original in the benefit profile."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        var found: [Finding] = []
        for revision in context.history.revisions where revision.kind == .target {
            guard let metric = context.metric(revision.metric), let old = revision.oldValue, let new = revision.newValue else { continue }
            let lowered: Bool
            switch metric.direction {
            case .increase: lowered = new < old
            case .decrease: lowered = new > old
            case .maintain: lowered = false
            }
            guard lowered else { continue }
            found.append(Finding(rule: self, about: metric,
                                 message: "the \(revision.date) target went from \(old.plainText) to \(new.plainText)"
                                     + (revision.recordedOn.map { " (recorded \($0))" } ?? ""),
                                 evidence: ["targetDate": .text(revision.date.description), "oldValue": .number(old),
                                            "newValue": .number(new), "recordedOn": .text(revision.recordedOn?.description ?? "")]))
        }
        return found
    }
}
