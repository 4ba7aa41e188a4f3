import RealiseModel

/// The stored form of each entity type (see `EntityTable`): the one place their tables' columns are listed.
enum EntityTables {
    static let programme = EntityTable<Programme>(
        columns: [], title: \.name, shared: EntityTable.ownedShared,
        blank: { Programme(id: $0, name: $1, source: $2) })

    static let organisation = EntityTable<Organisation>(
        columns: [], title: \.name,
        shared: [.text("programme", \.programme), .text("notes", \.notes)],
        blank: { Organisation(id: $0, name: $1, source: $2) })

    static let objective = EntityTable<Objective>(
        columns: [.text("parent", \.parent), .day("horizon", \.horizon)],
        title: \.statement, shared: EntityTable.ownedShared,
        blank: { Objective(id: $0, statement: $1, source: $2) })

    static let benefit = EntityTable<Benefit>(
        columns: [
            .word("kind", \.kind), .word("class", \.benefitClass), .word("confidence", \.confidence),
            .day("realisation_start", \.realisationStart), .day("realisation_end", \.realisationEnd),
            .text("observable_outcome", \.observableOutcome), .text("attribution", \.attribution),
            .text("measurement", \.measurement),
        ],
        title: \.description, shared: EntityTable.ownedShared,
        blank: { Benefit(id: $0, description: $1, source: $2) })

    static let deliverable = EntityTable<Deliverable>(
        columns: [
            .word("kind", \.kind), .text("parent", \.parent),
            .day("planned_start", \.plannedStart), .day("planned_finish", \.plannedFinish),
            .day("baseline_start", \.baselineStart), .day("baseline_finish", \.baselineFinish),
            .day("forecast_finish", \.forecastFinish), .day("actual_start", \.actualStart), .day("actual_finish", \.actualFinish),
            .number("percent_complete", \.percentComplete), .text("status", \.status),
            .word("delivery_confidence", \.deliveryConfidence),
        ],
        title: \.name, shared: EntityTable.ownedShared,
        blank: { Deliverable(id: $0, name: $1, source: $2) })

    static let metric = EntityTable<Metric>(
        columns: [
            .text("unit", \.unit), .word("direction", \.direction), .word("measure_type", \.measureType),
            .word("frequency", \.frequency), .text("data_source", \.dataSource),
        ],
        title: \.name, shared: EntityTable.ownedShared,
        blank: { Metric(id: $0, name: $1, source: $2) })

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
