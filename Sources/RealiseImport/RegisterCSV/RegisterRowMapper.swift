import RealiseModel

/// Turns rows of the register's tables into entities, links and values.
struct RegisterRowMapper {
    let path: String
    let programme: String?
    var plan = Plan()
    var problems: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    /// Reads typed values out of cells, collecting their problems (see `RegisterRowMapper+Cells`).
    var fields: FieldReader
    private var metricIds: Set<String> = []
    /// Values already read from the register's own rows, by metric, kind and day: a shared metric's rows
    /// may repeat them.
    private var valueLines: [ValueKey: (value: Double?, text: String?, line: Int)] = [:]

    private struct ValueKey: Hashable {
        var metric: String
        var kind: MetricValue.Kind
        var day: Day
    }

    init(path: String, programme: String?, dateOrder: DateOrder = .dmy) {
        self.path = path
        self.programme = programme
        fields = FieldReader(path: path, dateOrder: dateOrder)
    }

    /// Where a row's entity (`id`) or link (nil) comes from: the row, and the entity's identifier in its original
    /// file when a `source_ref` column gives one.
    func source(_ row: RegisterTable.Row, _ id: String?) -> SourceRef {
        SourceRef(path: path, line: row.line, column: 1, format: ImportFormat.registerCSV.rawValue,
                  identifier: id.map { row[.sourceRef] ?? $0 })
    }

    mutating func require(_ row: RegisterTable.Row, _ column: RegisterColumn, _ what: String) -> String? {
        if let value = row[column] { return value }
        problems.append(Diagnostic(.error, path: path, line: row.line, column: 1, "\(what) is empty; every row needs one"))
        return nil
    }

    mutating func map(_ row: RegisterTable.Row, as kind: RegisterTable.Kind) {
        fields.line = row.line
        switch kind {
        case .benefits: mapBenefit(row)
        case .objectives: mapObjective(row)
        case .deliverables: mapDeliverable(row)
        case .metrics:
            if let id = require(row, .metricId, "Metric ID") { mapMetric(row, id: id, benefit: nil) }
        case .values: mapValue(row)
        case .programmes, .organisations, .links: mapOther(row, as: kind)
        }
        problems += fields.problems
        fields.problems.removeAll()
    }

    private mutating func links(_ kind: Link.Kind, from: String?, to: String?, _ row: RegisterTable.Row, list: RegisterColumn) {
        for other in FieldReader.ids(row[list]) {
            plan.links.append(Link(kind: kind, from: from ?? other, to: to ?? other, source: source(row, nil)))
        }
    }

    private mutating func mapBenefit(_ row: RegisterTable.Row) {
        guard let id = require(row, .benefitId, "Benefit ID") else { return }
        plan.benefits.append(Benefit(
            id: id, description: require(row, .description, "the description of benefit '\(id)'") ?? "",
            kind: choice(row, .kind, "type") ?? .benefit, benefitClass: choice(row, .benefitClass, "class"),
            confidence: choice(row, .confidence, "confidence"),
            realisationStart: day(row, .realisationStart, "realisation start"),
            realisationEnd: day(row, .realisationEnd, "realisation end"),
            observableOutcome: row[.observableOutcome], attribution: row[.attribution], measurement: row[.measurementMethod],
            programme: row[.programme] ?? programme, owner: row[.owner], organisation: row[.organisation],
            notes: row[.notes], source: source(row, id)))
        links(.contributesTo, from: id, to: nil, row, list: .objectiveIds)
        links(.enabledBy, from: id, to: nil, row, list: .deliverableIds)
        links(.dependsOn, from: id, to: nil, row, list: .dependsOn)
        if row[.metricId] != nil || row[.metric] != nil {
            mapMetric(row, id: row[.metricId] ?? "\(id)-M", benefit: id)
        } else if row[.baselineValue] != nil || row[.targetValue] != nil {
            problems.append(Diagnostic(.error, path: path, line: row.line, column: 1,
                "benefit '\(id)' has a baseline or target but no Metric ID or Metric name to hold it"))
        }
    }

    private mutating func mapMetric(_ row: RegisterTable.Row, id: String, benefit: String?) {
        if !metricIds.contains(id) {
            metricIds.insert(id)
            plan.metrics.append(Metric(
                id: id, name: row[.metric] ?? id, unit: row[.unit],
                direction: choice(row, .direction, "direction") ?? .increase,
                measureType: choice(row, .measureType, "measure type") ?? .number,
                frequency: choice(row, .frequency, "frequency"), dataSource: row[.dataSource],
                programme: row[.programme] ?? programme, owner: row[.metricOwner] ?? row[.owner],
                organisation: row[.organisation], notes: benefit == nil ? row[.notes] : nil, source: source(row, id)))
        }
        if let benefit {
            plan.links.append(Link(kind: .measures, from: id, to: benefit, share: number(row, .share, "share"),
                                   source: source(row, nil)))
        } else {
            for other in FieldReader.ids(row[.benefitIds]) {
                plan.links.append(Link(kind: .measures, from: id, to: other, share: number(row, .share, "share"),
                                       source: source(row, nil)))
            }
        }
        for (kind, valueColumn, dateColumn) in [(MetricValue.Kind.baseline, RegisterColumn.baselineValue, RegisterColumn.baselineDate),
                                                (.target, .targetValue, .targetDate)] {
            guard row[valueColumn] != nil || row[dateColumn] != nil else { continue }
            guard let date = day(row, dateColumn, "\(kind.rawValue) date") else {
                if row[dateColumn] == nil {
                    problems.append(Diagnostic(.error, path: path, line: row.line, column: 1,
                        "metric '\(id)' has a \(kind.rawValue) value but no \(kind.rawValue) date; add the date"))
                }
                continue
            }
            let (value, text) = value(row, valueColumn)
            add(MetricValue(metric: id, kind: kind, date: date, value: value, text: text, source: source(row, nil)))
        }
    }

    /// Adds a value once: a repeat of the same value is skipped, a different value for the same metric, kind
    /// and day is an error naming both rows.
    private mutating func add(_ value: MetricValue) {
        let key = ValueKey(metric: value.metric, kind: value.kind, day: value.date)
        if let (earlierValue, earlierText, line) = valueLines[key] {
            if earlierValue != value.value || earlierText != value.text {
                problems.append(Diagnostic(.error, at: value.source,
                    "metric '\(value.metric)' already has a \(value.kind.rawValue) on \(value.date) at line \(line) with a different value"))
            }
            return
        }
        valueLines[key] = (value.value, value.text, value.source.line)
        plan.values.append(value)
    }

    private mutating func mapObjective(_ row: RegisterTable.Row) {
        guard let id = require(row, .objectiveId, "Objective ID") else { return }
        plan.objectives.append(Objective(
            id: id, statement: require(row, .statement, "the statement of objective '\(id)'") ?? "",
            parent: row[.parent], horizon: day(row, .horizon, "horizon"),
            programme: row[.programme] ?? programme, owner: row[.owner], organisation: row[.organisation],
            notes: row[.notes], source: source(row, id)))
        links(.contributesTo, from: nil, to: id, row, list: .benefitIds)
    }

    private mutating func mapDeliverable(_ row: RegisterTable.Row) {
        guard let id = require(row, .deliverableId, "Deliverable ID") else { return }
        plan.deliverables.append(Deliverable(
            id: id, name: require(row, .name, "the name of deliverable '\(id)'") ?? "",
            kind: choice(row, .kind, "kind") ?? .task, parent: row[.parent],
            plannedStart: day(row, .plannedStart, "planned start"),
            plannedFinish: day(row, .plannedFinish, "planned finish"),
            baselineStart: day(row, .baselineStart, "baseline start"),
            baselineFinish: day(row, .baselineFinish, "baseline finish"),
            forecastFinish: day(row, .forecastFinish, "forecast finish"),
            actualStart: day(row, .actualStart, "actual start"),
            actualFinish: day(row, .actualFinish, "actual finish"),
            percentComplete: number(row, .percentComplete, "percent complete"), status: row[.status],
            deliveryConfidence: choice(row, .deliveryConfidence, "delivery confidence"),
            programme: row[.programme] ?? programme, owner: row[.owner], organisation: row[.organisation],
            notes: row[.notes], source: source(row, id)))
        links(.enabledBy, from: nil, to: id, row, list: .benefitIds)
        links(.dependsOn, from: id, to: nil, row, list: .dependsOn)
    }

    private mutating func mapValue(_ row: RegisterTable.Row) {
        guard let metric = require(row, .metricId, "Metric ID"),
              require(row, .date, "the date of a value of metric '\(metric)'") != nil, let date = day(row, .date, "date") else { return }
        let (value, text) = value(row, .value)
        // Not through `add`: a values table states each value once, and a table of a million measurements
        // must not be remembered row by row; a day given twice with different values is still refused, by
        // the validation of the whole import.
        plan.values.append(MetricValue(
            metric: metric, kind: choice(row, .kind, "kind") ?? .measurement,
            date: date, value: value, text: text,
            note: row[.notes], dataSource: row[.source], confidence: choice(row, .confidence, "confidence"),
            source: source(row, nil)))
    }
}
