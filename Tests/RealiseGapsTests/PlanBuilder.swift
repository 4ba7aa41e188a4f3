import RealiseModel

/// Small plans for rule tests, written in a line each.
struct PlanBuilder {
    var plan = Plan()
    private var line = 1

    private mutating func source(_ id: String? = nil) -> SourceRef {
        line += 1
        return SourceRef(path: "plan.xml", line: line, format: "realise-xml", identifier: id)
    }

    mutating func objective(_ id: String, parent: String? = nil, _ statement: String = "An objective", owner: String? = "Director") {
        plan.objectives.append(Objective(id: id, statement: statement, parent: parent, owner: owner, source: source(id)))
    }

    mutating func benefit(_ id: String, contributesTo objectives: [String] = [], enabledBy deliverables: [String] = [],
                          description: String? = nil, start: String? = nil, owner: String? = "Owner", organisation: String? = nil) {
        plan.benefits.append(Benefit(id: id, description: description ?? "Benefit \(id)", realisationStart: start.flatMap { Day(iso: $0) },
                                     owner: owner, organisation: organisation, source: source(id)))
        for objective in objectives { link(.contributesTo, id, objective) }
        for deliverable in deliverables { link(.enabledBy, id, deliverable) }
    }

    mutating func deliverable(_ id: String, kind: Deliverable.Kind = .task, parent: String? = nil, planned: String? = nil,
                              baseline: String? = nil, forecast: String? = nil, actual: String? = nil,
                              organisation: String? = nil, owner: String? = nil) {
        plan.deliverables.append(Deliverable(id: id, name: "Deliverable \(id)", kind: kind, parent: parent,
                                             plannedFinish: planned.flatMap { Day(iso: $0) }, baselineFinish: baseline.flatMap { Day(iso: $0) },
                                             forecastFinish: forecast.flatMap { Day(iso: $0) }, actualFinish: actual.flatMap { Day(iso: $0) },
                                             owner: owner, organisation: organisation, source: source(id)))
    }

    mutating func metric(_ id: String, measures benefits: [String] = [], values: [(MetricValue.Kind, String, Double)] = [],
                         direction: Metric.Direction = .increase, type: Metric.MeasureType = .number,
                         frequency: Frequency? = .quarterly, owner: String? = "Analyst") {
        plan.metrics.append(Metric(id: id, name: "Metric \(id)", direction: direction, measureType: type, frequency: frequency,
                                   owner: owner, source: source(id)))
        for benefit in benefits { link(.measures, id, benefit) }
        for (kind, date, value) in values {
            plan.values.append(MetricValue(metric: id, kind: kind, date: Day(iso: date)!, value: value, source: source()))
        }
    }

    mutating func link(_ kind: Link.Kind, _ from: String, _ to: String, share: Double? = nil) {
        plan.links.append(Link(kind: kind, from: from, to: to, share: share, source: source()))
    }
}
