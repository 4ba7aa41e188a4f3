import RealiseModel

/// The stored form of each entity type (see `EntityTable`): the one place their tables' columns are listed.
enum EntityTables {
    // Each type's `read` takes the table's own columns by their place in `columns`, from 0.

    static let programme = EntityTable<Programme>(columns: [], title: \.name) { row, strings in
        var programme = Programme(id: row.id, name: row.name, organisation: row.organisation(&strings), owner: row.owner(&strings),
                                  notes: row.notes, source: row.source)
        programme.programme = row.programme(&strings)
        return programme
    }

    static let organisation = EntityTable<Organisation>(columns: [], title: \.name) { row, strings in
        Organisation(id: row.id, name: row.name, programme: row.programme(&strings), notes: row.notes, source: row.source)
    }

    static let objective = EntityTable<Objective>(
        columns: [.text("parent", \.parent), .day("horizon", \.horizon)], title: \.statement
    ) { row, strings in
        Objective(id: row.id, statement: row.name, parent: row.text(0), horizon: row.day(1), programme: row.programme(&strings),
                  owner: row.owner(&strings), organisation: row.organisation(&strings), notes: row.notes, source: row.source)
    }

    static let benefit = EntityTable<Benefit>(
        columns: [
            .word("kind", \.kind), .word("class", \.benefitClass), .word("confidence", \.confidence),
            .day("realisation_start", \.realisationStart), .day("realisation_end", \.realisationEnd),
            .text("observable_outcome", \.observableOutcome), .text("attribution", \.attribution),
            .text("measurement", \.measurement),
        ],
        title: \.description
    ) { row, strings in
        Benefit(id: row.id, description: row.name, kind: row.word(0) ?? .benefit, benefitClass: row.word(1), confidence: row.word(2),
                realisationStart: row.day(3), realisationEnd: row.day(4), observableOutcome: row.text(5), attribution: row.text(6),
                measurement: row.text(7), programme: row.programme(&strings), owner: row.owner(&strings),
                organisation: row.organisation(&strings), notes: row.notes, source: row.source)
    }

    static let deliverable = EntityTable<Deliverable>(
        columns: [
            .word("kind", \.kind), .text("parent", \.parent),
            .day("planned_start", \.plannedStart), .day("planned_finish", \.plannedFinish),
            .day("baseline_start", \.baselineStart), .day("baseline_finish", \.baselineFinish),
            .day("forecast_finish", \.forecastFinish), .day("actual_start", \.actualStart), .day("actual_finish", \.actualFinish),
            .number("percent_complete", \.percentComplete), .text("status", \.status),
            .word("delivery_confidence", \.deliveryConfidence),
        ],
        title: \.name
    ) { row, strings in
        Deliverable(id: row.id, name: row.name, kind: row.word(0) ?? .task, parent: row.text(1), plannedStart: row.day(2),
                    plannedFinish: row.day(3), baselineStart: row.day(4), baselineFinish: row.day(5), forecastFinish: row.day(6),
                    actualStart: row.day(7), actualFinish: row.day(8), percentComplete: row.number(9),
                    status: row.sharedText(10, &strings), deliveryConfidence: row.word(11), programme: row.programme(&strings),
                    owner: row.owner(&strings), organisation: row.organisation(&strings), notes: row.notes, source: row.source)
    }

    static let metric = EntityTable<Metric>(
        columns: [
            .text("unit", \.unit), .word("direction", \.direction), .word("measure_type", \.measureType),
            .word("frequency", \.frequency), .text("data_source", \.dataSource),
        ],
        title: \.name
    ) { row, strings in
        Metric(id: row.id, name: row.name, unit: row.sharedText(0, &strings), direction: row.word(1) ?? .increase,
               measureType: row.word(2) ?? .number, frequency: row.word(3), dataSource: row.sharedText(4, &strings),
               programme: row.programme(&strings), owner: row.owner(&strings), organisation: row.organisation(&strings),
               notes: row.notes, source: row.source)
    }

    /// Every type's table name and columns (`id` first), for checking the schema.
    static let all: [(table: String, columns: [(name: String, type: String, nullable: Bool)])] = [
        (programme.name, programme.schema), (organisation.name, organisation.schema), (objective.name, objective.schema),
        (benefit.name, benefit.schema), (deliverable.name, deliverable.schema), (metric.name, metric.schema),
    ]
}

extension EntityTable {
    /// The type's table's columns as the schema has them: `id` then the type's own.
    var schema: [(name: String, type: String, nullable: Bool)] {
        [("id", "TEXT", false)] + columns.map { ($0.name, $0.type.rawValue, $0.nullable) }
    }
}
