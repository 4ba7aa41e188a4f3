import RealiseModel

/// Small plans for rule tests, written in a line each.
struct PlanBuilder {
    var plan = Plan()
    private var line = 1

    private mutating func source(_ id: String? = nil) -> SourceRef {
        line += 1
        return SourceRef(path: "plan.xml", line: line, format: "realise-xml", identifier: id)
    }

    mutating func objective(_ id: String, parent: String? = nil, _ statement: String = "An objective") {
        plan.objectives.append(Objective(id: id, statement: statement, parent: parent, owner: "Director", source: source(id)))
    }

    mutating func benefit(_ id: String, contributesTo objectives: [String] = [], enabledBy deliverables: [String] = []) {
        plan.benefits.append(Benefit(id: id, description: "Benefit \(id)", owner: "Owner", source: source(id)))
        for objective in objectives { link(.contributesTo, id, objective) }
        for deliverable in deliverables { link(.enabledBy, id, deliverable) }
    }

    mutating func deliverable(_ id: String, kind: Deliverable.Kind = .task, parent: String? = nil) {
        plan.deliverables.append(Deliverable(id: id, name: "Deliverable \(id)", kind: kind, parent: parent, source: source(id)))
    }

    mutating func metric(_ id: String, measures benefits: [String] = [], values: [(MetricValue.Kind, String, Double)] = []) {
        plan.metrics.append(Metric(id: id, name: "Metric \(id)", frequency: .quarterly, source: source(id)))
        for benefit in benefits { link(.measures, id, benefit) }
        for (kind, date, value) in values {
            plan.values.append(MetricValue(metric: id, kind: kind, date: Day(iso: date)!, value: value, source: source()))
        }
    }

    mutating func link(_ kind: Link.Kind, _ from: String, _ to: String) {
        plan.links.append(Link(kind: kind, from: from, to: to, source: source()))
    }
}
