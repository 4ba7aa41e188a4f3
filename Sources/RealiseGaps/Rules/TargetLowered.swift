import RealiseModel

/// A target trajectory made less ambitious by a later import: a target lowered at its date, moved later at the
/// same value, or both.
///
/// How two trajectories are compared. The workspace keeps every change of a target as a revision (a withdrawn
/// target has no new value, an added one no old value). The revisions of one metric made by one import (its run;
/// revisions older than runs were kept by day) turn the *old* target points into the *new* ones: the targets
/// before the import are today's targets with every later revision undone. Each trajectory is the metric's
/// baseline (the latest before its first target) and its targets, joined by straight lines and held at the final
/// target after its date (`Trajectory`). The import **lowered** the metric when, for some old target point, the
/// value the new trajectory requires on that point's date is less ambitious than the old point's value for the
/// metric's direction (lower for `increase`, higher for `decrease`; never for `maintain`). Before the new first
/// target with no baseline before it, and with no target left at all, the new trajectory requires nothing, which
/// is less ambitious than any value. So a target moved earlier at its value, or raised, is not lowered, and a
/// target moved later is (its date now falls on the way to it). One finding per metric per import that lowered
/// it, naming the first old point it lowered and the new target that point now heads for.
public struct TargetLowered: GapRule {
    public static let id = "target-lowered"
    public static let title = "Target lowered since first agreed"
    public static let severity = Severity.medium
    public static let explanation = "A target was made less ambitious since an earlier import: lowered at its date, moved later, or both."
    public static let hint = "Make sure the change was approved and explained to the board; keep the original in the benefit profile."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        var found: [Finding] = []
        let targetRevisions = context.history.revisions.filter { $0.kind == .target }
        for (metricId, revisions) in Self.grouped(targetRevisions, by: \.metric) {
            guard let metric = context.metric(metricId), metric.direction != .maintain, metric.measureType != .qualitative else { continue }
            let values = context.series(of: metricId).readings
            var targets = Self.targetsBefore(revisions, today: values.filter { $0.kind == .target })
            let baselines = values.filter { $0.kind == .baseline }.compactMap { value in value.value.map { (value.date, $0) } }
            // One import's revisions: its run, or the day for revisions kept before runs were.
            let byImport = Self.grouped(revisions) { revision in
                revision.importRun.map { "run \($0)" } ?? "day \(revision.recordedOn?.description ?? "")"
            }
            for (_, change) in byImport {
                let old = targets
                for revision in change { targets[revision.date] = revision.newValue }
                if let finding = lowering(of: metric, from: old, to: targets, baselines: baselines, recordedOn: change.last?.recordedOn) {
                    found.append(finding)
                }
            }
        }
        return found
    }

    /// The finding when the trajectory through `new` is less ambitious than `old` at one of `old`'s points.
    private func lowering(of metric: Metric, from old: [Day: Double], to new: [Day: Double], baselines: [(Day, Double)],
                          recordedOn: Day?) -> Finding? {
        let readings = baselines.map { MetricReadings.Reading(date: $0.0, value: $0.1, kind: .baseline) }
            + new.sorted { $0.key < $1.key }.map { MetricReadings.Reading(date: $0.key, value: $0.value, kind: .target) }
        let trajectory = Trajectory(metric: metric, readings: readings, fraction: 0)
        for (date, value) in old.sorted(by: { $0.key < $1.key }) {
            let required = trajectory?.expected(on: date)
            if let required, Self.shortfall(of: required, against: value, metric.direction) <= 1e-9 * max(1, abs(value)) { continue }
            // The new target this point now heads for: the first on or after its date, else the final one.
            let heading = new.filter { $0.key >= date }.min { $0.key < $1.key } ?? new.max { $0.key < $1.key }
            return finding(metric, old: (date, value), new: heading.map { ($0.key, $0.value) }, required: required, recordedOn: recordedOn)
        }
        return nil
    }

    private func finding(_ metric: Metric, old: (date: Day, value: Double), new: (date: Day, value: Double)?, required: Double?,
                         recordedOn: Day?) -> Finding {
        let unit = QuantityUnit(metric)
        func amount(_ number: Double) -> String { unit.apply(ReadableNumber.text(number)) }
        let became = new.map { "\(amount($0.value)) by \($0.date)" } ?? "no target"
        let then = required.map { "; the new trajectory asks for \(amount($0)) by \(old.date)" } ?? ""
        var evidence: [String: Evidence] = [
            "targetDate": .text(old.date.description), "oldValue": .number(old.value),
            "recordedOn": .text(recordedOn?.description ?? ""), "newTargetDate": .text(new?.date.description ?? ""),
        ]
        if let new { evidence["newValue"] = .number(new.value) }
        if let required { evidence["requiredThen"] = .number(required.rounded(to: 4)) }
        // Worded at once: few metrics have a lowered target.
        let found = evidence, message = "the target of \(amount(old.value)) by \(old.date) became \(became)\(then)"
            + (recordedOn.map { " (changed on \($0))" } ?? "")
        return Finding(rule: self, about: metric, message: message, evidence: found)
    }

    /// How far `required` falls short of `promised` for the direction (positive: less ambitious).
    private static func shortfall(of required: Double, against promised: Double, _ direction: Metric.Direction) -> Double {
        direction == .decrease ? required - promised : promised - required
    }

    /// The numeric targets before the first of `revisions`: today's, with every revision undone (the oldest
    /// revision of a day holds its value before any of them).
    private static func targetsBefore(_ revisions: [ValueRevision], today: [MetricReadings.Reading]) -> [Day: Double] {
        var targets: [Day: Double] = [:]
        for value in today { targets[value.date] = value.value }
        var undone = Set<Day>()
        for revision in revisions where undone.insert(revision.date).inserted { targets[revision.date] = revision.oldValue }
        return targets
    }

    /// `items` grouped by `key`, groups in the order of their first item, items in their order.
    private static func grouped<T>(_ items: [T], by key: (T) -> String) -> [(String, [T])] {
        var order: [String] = [], groups: [String: [T]] = [:]
        for item in items {
            let name = key(item)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(item)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }
}
