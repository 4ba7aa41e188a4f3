import RealiseModel

/// Compares two versions of a plan and lists what changed: entities added and withdrawn, fields changed (a
/// deliverable's slip, rebaseline and delivery confidence by their own kinds), metric targets, baselines and new
/// measurements, links, and gaps opened and closed.
///
/// Only content counts: entities, links and values are matched by id and key, never by where they were read
/// from, so a moved line, a renamed file, attribute order, white space in text and `52` against `52.0` are no
/// change. The changes come in a stable order: by subject type (programme, organisation, objective, benefit,
/// deliverable, metric), subject id, kind (in `ChangeKind`'s order), field, then the day the values are about.
public struct PlanDiff: Sendable {
    public init() {}

    /// What changed from `old` to `new`.
    public func changes(from old: DiffEnd, to new: DiffEnd) -> [PlanChange] {
        let entities = EntityDiff(old: old.plan, new: new.plan)
        var found = entities.changes()
        found += valueChanges(old.plan, new.plan, entities)
        found += LinkDiff(old: old.plan.links, new: new.plan.links, entities: entities).changes()
        found += GapDiff(old: old.report, new: new.report, entities: entities).changes()
        return found.sorted(by: PlanChange.inOrder)
    }

    /// The changes of the entities alone (added, withdrawn, their fields), without values, links or gaps: how one
    /// entity's versions differ.
    public func entityChanges(from old: Plan, to new: Plan) -> [PlanChange] {
        EntityDiff(old: old, new: new).changes().sorted(by: PlanChange.inOrder)
    }

    /// The report of what changed from `old` to `new`, each end named by its label and day.
    public func report(from old: DiffEnd, to new: DiffEnd) -> DiffReport {
        DiffReport(from: DiffReport.End(label: old.label, date: old.date), to: DiffReport.End(label: new.label, date: new.date),
                   changes: changes(from: old, to: new))
    }

    /// The value changes of every metric in both versions (an added or withdrawn metric's values go with it).
    private func valueChanges(_ old: Plan, _ new: Plan, _ entities: EntityDiff) -> [PlanChange] {
        let before = Dictionary(grouping: old.values, by: \.metric), after = Dictionary(grouping: new.values, by: \.metric)
        return new.metrics.flatMap { metric -> [PlanChange] in
            guard entities.old[EntityDiff.key(.metric, metric.id)] != nil else { return [] }
            return ValueDiff(metric: metric, old: before[metric.id] ?? [], new: after[metric.id] ?? []).changes()
        }
    }
}
