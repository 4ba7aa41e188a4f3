import RealiseModel

/// The fields of each entity type that a comparison looks at, by the names `realise list --format json` uses: every
/// field but the id and the source (where a field was read from is form, not content).
enum EntityFields {
    typealias Field = (name: String, value: ChangeValue?)

    static func text(_ text: String?) -> ChangeValue? { text.map(ChangeValue.text) }
    static func day(_ day: Day?) -> ChangeValue? { day.map(ChangeValue.day) }
    static func number(_ number: Double?) -> ChangeValue? { number.map(ChangeValue.number) }

    /// The fields of `entity`, in a fixed order.
    static func of(_ entity: any Entity) -> [Field] {
        let common: [Field] = [("programme", text(entity.programme)), ("owner", text(entity.owner)),
                               ("organisation", text(entity.organisation)), ("notes", text(entity.notes))]
        switch entity {
        case let programme as Programme: return [("name", text(programme.name))] + common
        case let organisation as Organisation: return [("name", text(organisation.name))] + common
        case let objective as Objective:
            return [("statement", text(objective.statement)), ("parent", text(objective.parent)), ("horizon", day(objective.horizon))]
                + common
        case let benefit as Benefit: return fields(of: benefit) + common
        case let deliverable as Deliverable: return fields(of: deliverable) + common
        case let metric as Metric:
            return [("name", text(metric.name)), ("unit", text(metric.unit)), ("direction", text(metric.direction.rawValue)),
                    ("measureType", text(metric.measureType.rawValue)), ("frequency", text(metric.frequency?.rawValue)),
                    ("dataSource", text(metric.dataSource))] + common
        default: return [("name", text(entity.displayName))] + common
        }
    }

    private static func fields(of benefit: Benefit) -> [Field] {
        [("description", text(benefit.description)), ("kind", text(benefit.kind.rawValue)),
         ("class", text(benefit.benefitClass?.rawValue)), ("confidence", text(benefit.confidence?.rawValue)),
         ("realisationStart", day(benefit.realisationStart)), ("realisationEnd", day(benefit.realisationEnd)),
         ("observableOutcome", text(benefit.observableOutcome)), ("attribution", text(benefit.attribution)),
         ("measurement", text(benefit.measurement))]
    }

    private static func fields(of deliverable: Deliverable) -> [Field] {
        [("name", text(deliverable.name)), ("kind", text(deliverable.kind.rawValue)), ("parent", text(deliverable.parent)),
         ("plannedStart", day(deliverable.plannedStart)), ("plannedFinish", day(deliverable.plannedFinish)),
         ("baselineStart", day(deliverable.baselineStart)), ("baselineFinish", day(deliverable.baselineFinish)),
         ("forecastFinish", day(deliverable.forecastFinish)), ("actualStart", day(deliverable.actualStart)),
         ("actualFinish", day(deliverable.actualFinish)), ("percentComplete", number(deliverable.percentComplete)),
         ("status", text(deliverable.status)), ("deliveryConfidence", text(deliverable.deliveryConfidence?.rawValue))]
    }

    /// Whether two field values say the same: texts equal but for white space, numbers equal as numbers.
    static func same(_ a: ChangeValue?, _ b: ChangeValue?) -> Bool {
        switch (a, b) {
        case (.text(let x)?, .text(let y)?): FieldText.same(x, y)
        case (.text(let x)?, nil): FieldText.same(x, nil)
        case (nil, .text(let y)?): FieldText.same(nil, y)
        default: a == b
        }
    }

    /// Days from `before` to `after` when both are days.
    static func days(_ before: ChangeValue?, _ after: ChangeValue?) -> Int? {
        guard case .day(let from)? = before, case .day(let to)? = after else { return nil }
        return from.days(to: to)
    }
}
