import Foundation
import RealiseModel

/// Turns the top-level elements of a Realise plan into model entities, links and values.
struct RealiseXMLMapper {
    let path: String
    /// The programme of entities that name none: `--programme`, else the file's first `<programme>`.
    var programme: String?
    /// `--programme`: every entity's programme, whatever the file says.
    let forcedProgramme: String?
    var plan = Plan()
    var problems: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var fields: FieldReader

    init(path: String, programme: String?) {
        self.path = path
        self.programme = programme
        forcedProgramme = programme
        fields = FieldReader(path: path)
    }

    func source(_ line: Int, _ id: String?) -> SourceRef {
        SourceRef(path: path, line: line, column: 1, format: ImportFormat.realiseXML.rawValue, identifier: id)
    }

    /// An entity's programme: `--programme` when given, else its `programme` attribute (empty: none, as an export
    /// writes an entity of no programme in a file that names one), else the file's default.
    private func entityProgramme(of record: XMLElementRecord) -> String? {
        if let forcedProgramme { return forcedProgramme }
        guard record.attributes["programme"] != nil else { return programme }
        return record["programme"]
    }

    mutating func map(_ record: XMLElementRecord) {
        let id = record["id"] ?? ""
        let source = source(record.line, record["source-ref"] ?? id)
        let programme = entityProgramme(of: record)
        fields.line = record.line
        switch record.name {
        case "programme":
            self.programme = self.programme ?? id
            plan.programmes.append(Programme(id: id, name: record["name"] ?? id, organisation: record["organisation"],
                                             owner: record["sro"], notes: record.text("notes"), source: source))
        case "organisation":
            plan.organisations.append(Organisation(id: id, name: record["name"] ?? id, programme: programme,
                                                   notes: record.text("notes"), source: source))
        case "objective":
            plan.objectives.append(Objective(
                id: id, statement: record.text("statement") ?? "", parent: record["parent"],
                horizon: fields.day(record["horizon"], "horizon"), programme: programme, owner: record["owner"],
                organisation: record["organisation"], notes: record.text("notes"), source: source))
        case "benefit":
            plan.benefits.append(Benefit(
                id: id, description: record.text("description") ?? "",
                kind: fields.choice(record["kind"], "kind") ?? .benefit,
                benefitClass: fields.choice(record["class"], "class"),
                confidence: fields.choice(record["confidence"], "confidence"),
                realisationStart: fields.day(record["realisation-start"], "realisation-start"),
                realisationEnd: fields.day(record["realisation-end"], "realisation-end"),
                observableOutcome: record.text("observable-outcome"), attribution: record.text("attribution"),
                measurement: record.text("measurement"), programme: programme, owner: record["owner"],
                organisation: record["organisation"], notes: record.text("notes"), source: source))
            for child in record.children {
                guard let kind = Link.Kind(rawValue: child.name), let target = child.attributes["ref"] else { continue }
                plan.links.append(Link(kind: kind, from: id, to: target, source: self.source(child.line, nil)))
            }
        case "deliverable":
            plan.deliverables.append(Deliverable(
                id: id, name: record.text("name") ?? "", kind: fields.choice(record["kind"], "kind") ?? .task,
                parent: record["parent"],
                plannedStart: fields.day(record["planned-start"], "planned-start"),
                plannedFinish: fields.day(record["planned-finish"], "planned-finish"),
                baselineStart: fields.day(record["baseline-start"], "baseline-start"),
                baselineFinish: fields.day(record["baseline-finish"], "baseline-finish"),
                forecastFinish: fields.day(record["forecast-finish"], "forecast-finish"),
                actualStart: fields.day(record["actual-start"], "actual-start"),
                actualFinish: fields.day(record["actual-finish"], "actual-finish"),
                percentComplete: fields.number(record["percent-complete"], "percent-complete"),
                status: record["status"], deliveryConfidence: fields.choice(record["delivery-confidence"], "delivery-confidence"),
                programme: programme, owner: record["owner"], organisation: record["organisation"],
                notes: record.text("notes"), source: source))
            for child in record.children where child.name == "depends-on" {
                guard let target = child.attributes["ref"] else { continue }
                fields.line = child.line
                plan.links.append(Link(kind: .dependsOn, from: id, to: target,
                                       dependencyType: fields.choice(child.attributes["type"], "type"),
                                       lagDays: fields.number(child.attributes["lag-days"], "lag-days"),
                                       source: self.source(child.line, nil)))
            }
        case "metric":
            plan.metrics.append(Metric(
                id: id, name: record.text("name") ?? "", unit: record["unit"],
                direction: fields.choice(record["direction"], "direction") ?? .increase,
                measureType: fields.choice(record["measure-type"], "measure-type") ?? .number,
                frequency: fields.choice(record["frequency"], "frequency"), dataSource: record["data-source"],
                programme: programme, owner: record["owner"], organisation: record["organisation"],
                notes: record.text("notes"), source: source))
            for child in record.children {
                fields.line = child.line
                if child.name == "measures", let target = child.attributes["ref"] {
                    plan.links.append(Link(kind: .measures, from: id, to: target,
                                           share: fields.number(child.attributes["share"], "share"),
                                           source: self.source(child.line, nil)))
                } else if let kind = MetricValue.Kind(rawValue: child.name),
                          let date = fields.day(child.attributes["date"], "date") {
                    let (value, text) = fields.value(child.attributes["value"], warnings: &warnings)
                    let note = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    plan.values.append(MetricValue(metric: id, kind: kind, date: date, value: value, text: text,
                                                   note: note.isEmpty ? nil : note, dataSource: child.attributes["source"],
                                                   confidence: fields.choice(child.attributes["confidence"], "confidence"),
                                                   source: self.source(child.line, nil)))
                }
            }
        case "review-schedule", "review":
            mapReview(record, source: source)
        case "link":
            guard let kind: Link.Kind = fields.choice(record["kind"], "kind"), let from = record["from"], let to = record["to"] else { break }
            plan.links.append(Link(kind: kind, from: from, to: to, dependencyType: fields.choice(record["type"], "type"),
                                   lagDays: fields.number(record["lag-days"], "lag-days"),
                                   share: fields.number(record["share"], "share"), source: source))
        default:
            break
        }
        problems += fields.problems
        fields.problems.removeAll()
    }
}
