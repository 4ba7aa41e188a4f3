import RealiseModel

/// Entities present in one version only (`added`, `withdrawn`) and the fields that changed in those present in
/// both: deliverables' finishes (`slipped`, `pulled-in`), baselines (`rebaselined`) and delivery confidence
/// (`rag-changed`), every other field `changed`.
struct EntityDiff {
    /// Entities by type and id (`metric|MET-04`), the first of an id repeated.
    let old: [String: any Entity]
    let new: [String: any Entity]

    init(old: Plan, new: Plan) {
        self.old = EntityDiff.index(old)
        self.new = EntityDiff.index(new)
    }

    static func key(_ type: EntityType, _ id: String) -> String { "\(type.rawValue)|\(id)" }

    private static func index(_ plan: Plan) -> [String: any Entity] {
        var all: [any Entity] = plan.programmes
        all += plan.organisations as [any Entity]
        all += plan.objectives as [any Entity]
        all += plan.benefits as [any Entity]
        all += plan.deliverables as [any Entity]
        all += plan.metrics as [any Entity]
        return Dictionary(all.map { (key(type(of: $0).type, $0.id), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entity with `id` in both versions (the newer one), if any.
    func inBoth(_ id: String) -> (any Entity)? {
        for type in EntityType.allCases {
            let key = EntityDiff.key(type, id)
            if old[key] != nil, let entity = new[key] { return entity }
        }
        return nil
    }

    /// Every entity change.
    func changes() -> [PlanChange] {
        var found: [PlanChange] = []
        for (key, entity) in new where old[key] == nil { found.append(PlanChange(.added, entity)) }
        for (key, entity) in old where new[key] == nil { found.append(PlanChange(.withdrawn, entity)) }
        for (key, after) in new {
            guard let before = old[key] else { continue }
            found += fieldChanges(before, after)
        }
        return found
    }

    /// The fields that changed, a deliverable's schedule and confidence by their own kinds.
    private func fieldChanges(_ before: any Entity, _ after: any Entity) -> [PlanChange] {
        var found: [PlanChange] = [], handled: Set<String> = []
        if let old = before as? Deliverable, let new = after as? Deliverable {
            (found, handled) = DeliverableDiff(old: old, new: new).changes()
        }
        for (old, new) in zip(EntityFields.of(before), EntityFields.of(after)) where !handled.contains(new.name) {
            guard !EntityFields.same(old.value, new.value) else { continue }
            found.append(PlanChange(.changed, after, field: new.name, before: old.value, after: new.value,
                                    days: EntityFields.days(old.value, new.value)))
        }
        return found
    }
}

/// What changed in a deliverable's schedule and delivery confidence.
struct DeliverableDiff {
    let old: Deliverable
    let new: Deliverable

    /// The changes, and the fields they account for (left out of the `changed` ones).
    func changes() -> ([PlanChange], Set<String>) {
        var found: [PlanChange] = [], handled: Set<String> = ["baselineStart", "baselineFinish", "deliveryConfidence"]
        if let slip = finish() {
            found.append(slip.change)
            handled.formUnion(slip.fields)
        }
        for (field, before, after) in [("baselineStart", old.baselineStart, new.baselineStart),
                                       ("baselineFinish", old.baselineFinish, new.baselineFinish)] where before != after {
            found.append(PlanChange(.rebaselined, new, field: field, before: before.map(ChangeValue.day),
                                    after: after.map(ChangeValue.day), days: before.flatMap { b in after.map { b.days(to: $0) } }))
        }
        if old.deliveryConfidence != new.deliveryConfidence {
            found.append(PlanChange(.ragChanged, new, field: "deliveryConfidence", before: old.deliveryConfidence.map { .text($0.rawValue) },
                                    after: new.deliveryConfidence.map { .text($0.rawValue) }))
        }
        return (found, handled)
    }

    /// A move of the forecast finish (the planned finish when there is no forecast), with the fields it accounts for.
    private func finish() -> (change: PlanChange, fields: Set<String>)? {
        guard let before = old.forecastFinish ?? old.plannedFinish, let after = new.forecastFinish ?? new.plannedFinish,
              before != after else { return nil }
        let forecasts = (old.forecastFinish != nil, new.forecastFinish != nil)
        let field = switch forecasts {
        case (true, true): "forecastFinish"
        case (false, false): "plannedFinish"
        default: "finish"
        }
        var fields: Set<String> = []
        if forecasts.0 || forecasts.1 { fields.insert("forecastFinish") }
        if !forecasts.0 || !forecasts.1 { fields.insert("plannedFinish") }
        let days = before.days(to: after)
        return (PlanChange(days > 0 ? .slipped : .pulledIn, new, field: field, before: .day(before), after: .day(after), days: days),
                fields)
    }
}
