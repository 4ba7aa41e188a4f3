import RealiseModel

/// The listings of `realise list`: one per kind of thing in a workspace.
public enum ListSubject: String, CaseIterable, Sendable {
    case objectives, benefits, deliverables, metrics, links, imports
}

extension Listing {
    private static func common<E: Entity>(_ entity: E, kind: String?) -> Row {
        var row: Row = [("id", .string(entity.id)), ("name", .string(entity.displayName))]
        if let kind { row.append(("kind", .string(kind))) }
        row += [("owner", .from(entity.owner)), ("organisation", .from(entity.organisation)),
                ("programme", .from(entity.programme)), ("sourceRef", .from(entity.source.identifier)),
                ("source", .string("\(entity.source.place):\(entity.source.line)"))]
        return row
    }

    private static func day(_ day: Day?) -> JSONValue { .from(day?.description) }

    /// Objectives with their parent and horizon.
    public static func objectives(_ plan: Plan) -> Listing {
        Listing(tableColumns: ["id", "parent", "owner", "name"], rows: plan.objectives.map { item in
            common(item, kind: nil) + [("parent", .from(item.parent)), ("horizon", day(item.horizon)), ("notes", .from(item.notes))]
        })
    }

    /// Benefits with their class, confidence and realisation window.
    public static func benefits(_ plan: Plan) -> Listing {
        Listing(tableColumns: ["id", "kind", "owner", "realisationStart", "name"], rows: plan.benefits.map { item in
            common(item, kind: item.kind.rawValue) + [
                ("class", .from(item.benefitClass?.rawValue)), ("confidence", .from(item.confidence?.rawValue)),
                ("realisationStart", day(item.realisationStart)), ("realisationEnd", day(item.realisationEnd)),
                ("observableOutcome", .from(item.observableOutcome)), ("attribution", .from(item.attribution)),
                ("measurement", .from(item.measurement)), ("notes", .from(item.notes)),
            ]
        })
    }

    /// Deliverables with their dates, progress and confidence.
    public static func deliverables(_ plan: Plan) -> Listing {
        Listing(tableColumns: ["id", "kind", "parent", "organisation", "plannedFinish", "forecastFinish", "name"],
                rows: plan.deliverables.map { item in
            common(item, kind: item.kind.rawValue) + [
                ("parent", .from(item.parent)), ("plannedStart", day(item.plannedStart)), ("plannedFinish", day(item.plannedFinish)),
                ("baselineStart", day(item.baselineStart)), ("baselineFinish", day(item.baselineFinish)),
                ("forecastFinish", day(item.forecastFinish)), ("actualStart", day(item.actualStart)),
                ("actualFinish", day(item.actualFinish)), ("percentComplete", .from(item.percentComplete)),
                ("status", .from(item.status)), ("deliveryConfidence", .from(item.deliveryConfidence?.rawValue)),
                ("notes", .from(item.notes)),
            ]
        })
    }

    /// Metrics with their latest baseline, final target and latest measurement.
    public static func metrics(_ plan: Plan) -> Listing {
        let values = Dictionary(grouping: plan.values, by: \.metric)
        return Listing(tableColumns: ["id", "unit", "direction", "baseline.value", "target.value", "latest.value", "latest.date", "name"], rows: plan.metrics.map { item in
            let mine = (values[item.id] ?? []).sorted { $0.date < $1.date }
            func last(_ kind: MetricValue.Kind) -> JSONValue {
                guard let value = mine.last(where: { $0.kind == kind }) else { return .null }
                return .object([("date", .string(value.date.description)),
                                ("value", value.value.map(JSONValue.number) ?? .from(value.text))])
            }
            return common(item, kind: item.measureType.rawValue) + [
                ("unit", .from(item.unit)), ("direction", .string(item.direction.rawValue)),
                ("frequency", .from(item.frequency?.rawValue)), ("dataSource", .from(item.dataSource)),
                ("baseline", last(.baseline)), ("target", last(.target)), ("latest", last(.measurement)),
                ("values", .array(mine.map { value in
                    .object([("kind", .string(value.kind.rawValue)), ("date", .string(value.date.description)),
                             ("value", .from(value.value)), ("text", .from(value.text)), ("note", .from(value.note)),
                             ("dataSource", .from(value.dataSource))])
                })),
            ]
        })
    }

    /// Links with their kind, ends and attributes.
    public static func links(_ plan: Plan) -> Listing {
        Listing(tableColumns: ["kind", "from", "to", "dependencyType", "lagDays", "share", "source"], rows: plan.links.map { link in
            [("kind", .string(link.kind.rawValue)), ("from", .string(link.from)), ("to", .string(link.to)),
             ("dependencyType", .from(link.dependencyType?.rawValue)), ("lagDays", .from(link.lagDays)),
             ("share", .from(link.share)), ("source", .string("\(link.source.place):\(link.source.line)"))]
        })
    }

    /// Import runs, oldest first.
    public static func imports(_ runs: [ImportRunSummary]) -> Listing {
        Listing(tableColumns: ["id", "importedAt", "format", "version", "warnings", "path"], rows: runs.map { run in
            let counts = run.counts
            return [("id", .number(Double(run.id))), ("path", .string(run.path)), ("format", .string(run.format)),
                    ("sha256", .string(run.sha256)), ("importedAt", .string(run.importedAt)),
                    ("version", .from(run.versionDate?.description)), ("location", .from(run.location)), ("actor", .from(run.actor)),
                    ("supersedes", .array(run.supersedes.map { .string($0) })),
                    ("counts", .object([("objectives", .number(Double(counts.objectives))), ("benefits", .number(Double(counts.benefits))),
                                        ("deliverables", .number(Double(counts.deliverables))), ("milestones", .number(Double(counts.milestones))),
                                        ("metrics", .number(Double(counts.metrics))), ("baselines", .number(Double(counts.baselines))),
                                        ("targets", .number(Double(counts.targets))), ("measurements", .number(Double(counts.measurements))),
                                        ("links", .number(Double(counts.links)))])),
                    ("warnings", .number(Double(run.warnings)))]
        })
    }
}
