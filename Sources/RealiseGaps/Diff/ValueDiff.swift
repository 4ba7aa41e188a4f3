import RealiseModel

/// What changed in the dated values of a metric present in both versions: targets (`target-lowered`,
/// `target-raised`, `target-deferred`, `target-brought-forward`), baselines (`baseline-restated`), new measurements
/// (`measured`); any other difference — a value added or removed, a note, a source — is `changed`, its field the
/// value's kind.
struct ValueDiff {
    let metric: Metric
    let old: [MetricValue]
    let new: [MetricValue]

    func changes() -> [PlanChange] {
        var found = measurements()
        let baselines = ValuePairing(old: old.filter { $0.kind == .baseline }, new: new.filter { $0.kind == .baseline })
        for (before, after) in baselines.pairs where !before.sameContent(as: after) {
            let restated = before.date != after.date || !before.sameAmount(as: after)
            found.append(change(restated ? .baselineRestated : .changed, before, after,
                                days: before.date == after.date ? nil : before.date.days(to: after.date)))
        }
        let targets = ValuePairing(old: old.filter { $0.kind == .target }, new: new.filter { $0.kind == .target })
        for (before, after) in targets.pairs where !before.sameContent(as: after) { found += target(before, after) }
        for value in baselines.removed + targets.removed { found.append(change(.changed, value, nil)) }
        for value in baselines.added + targets.added { found.append(change(.changed, nil, value)) }
        return found
    }

    /// New measurements (`measured`); a measurement of the same day that differs, or one the newer version no
    /// longer has, is `changed`.
    private func measurements() -> [PlanChange] {
        let before = Dictionary(old.filter { $0.kind == .measurement }.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.filter { $0.kind == .measurement }.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [PlanChange] = []
        for (day, value) in after {
            if let earlier = before[day] {
                if !earlier.sameContent(as: value) { found.append(change(.changed, earlier, value)) }
            } else {
                found.append(change(.measured, nil, value))
            }
        }
        for (day, value) in before where after[day] == nil { found.append(change(.changed, value, nil)) }
        return found
    }

    /// A target's amount judged for the metric's direction — a worse amount, or the same amount later, is lowered;
    /// a better one, or the same sooner, raised — and its date move as deferred or brought forward, with the days.
    /// A `maintain` metric's or a qualitative target's new amount is `changed`.
    private func target(_ before: MetricValue, _ after: MetricValue) -> [PlanChange] {
        var found: [PlanChange] = []
        let days = before.date.days(to: after.date)
        if !before.sameAmount(as: after) {
            if metric.measureType != .qualitative, let better = ValueDiff.better(after.value, than: before.value, metric.direction) {
                found.append(change(better ? .targetRaised : .targetLowered, before, after))
            } else {
                found.append(change(.changed, before, after))
            }
        } else if days != 0, metric.direction != .maintain {
            found.append(change(days > 0 ? .targetLowered : .targetRaised, before, after))
        }
        if days != 0 {
            found.append(PlanChange(days > 0 ? .targetDeferred : .targetBroughtForward, metric, field: "target",
                                    before: .day(before.date), after: .day(after.date), days: days, at: after.source))
        }
        if found.isEmpty { found.append(change(.changed, before, after)) }
        return found
    }

    /// Whether `new` is better than `old` for `direction`; nil when either is no number or the direction has no
    /// better side (`maintain`).
    static func better(_ new: Double?, than old: Double?, _ direction: Metric.Direction) -> Bool? {
        guard let new, let old, new != old else { return nil }
        switch direction {
        case .increase: return new > old
        case .decrease: return new < old
        case .maintain: return nil
        }
    }

    /// A change of one value, located where the newer version states it (the older, for a value it no longer has).
    private func change(_ kind: ChangeKind, _ before: MetricValue?, _ after: MetricValue?, days: Int? = nil) -> PlanChange {
        PlanChange(kind, metric, field: (after ?? before)!.kind.rawValue, before: before.map(ChangeValue.value),
                   after: after.map(ChangeValue.value), days: days, at: (after ?? before)!.source)
    }
}
