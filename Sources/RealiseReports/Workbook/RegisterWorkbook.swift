import RealiseModel

/// A plan as a register workbook — Programmes, Organisations, Objectives, Benefits, Deliverables, Metrics,
/// Values and Links sheets, with the register's own headers — that `realise import` reads back to the same
/// model (`realise export --format xlsx`). Links have a sheet of their own (kind, from, to, dependency type,
/// lag, share) rather than id-list columns, so that every link keeps its details.
public struct RegisterWorkbook: Sendable {
    public init() {}

    /// Writes the plan's workbook to `path`.
    public func write(_ plan: Plan, to path: String) throws {
        let book = try WorkbookWriter(path: path)
        if !plan.programmes.isEmpty {
            try book.beginSheet("Programmes", headers: ["Programme ID", "Name", "Organisation", "Owner", "Notes", "Source ref"])
            for item in plan.programmes {
                try book.addRow([.text(item.id), .text(item.name), .optional(item.organisation), .optional(item.owner),
                                 .optional(item.notes), sourceRef(item)])
            }
        }
        if !plan.organisations.isEmpty {
            try book.beginSheet("Organisations", headers: ["Organisation ID", "Name", "Programme", "Notes", "Source ref"])
            for item in plan.organisations {
                try book.addRow([.text(item.id), .text(item.name), .optional(item.programme), .optional(item.notes), sourceRef(item)])
            }
        }
        try book.beginSheet("Objectives", headers: ["Objective ID", "Statement", "Parent", "Horizon"] + Self.shared)
        for item in plan.objectives {
            try book.addRow([.text(item.id), .text(item.statement), .optional(item.parent), .optional(item.horizon)] + shared(item))
        }
        try book.beginSheet("Benefits", headers: ["Benefit ID", "Description", "Kind", "Class", "Confidence", "Realisation start",
                                                  "Realisation end", "Observable outcome", "Attribution", "Measurement method"] + Self.shared)
        for item in plan.benefits {
            try book.addRow([.text(item.id), .text(item.description), .text(item.kind.rawValue), .optional(item.benefitClass?.rawValue),
                             .optional(item.confidence?.rawValue), .optional(item.realisationStart), .optional(item.realisationEnd),
                             .optional(item.observableOutcome), .optional(item.attribution), .optional(item.measurement)] + shared(item))
        }
        try writeDeliverables(plan, book)
        try writeMetrics(plan, book)
        try book.beginSheet("Links", headers: ["Link kind", "From ID", "To ID", "Dependency type", "Lag days", "Share"])
        for link in plan.links {
            try book.addRow([.text(link.kind.rawValue), .text(link.from), .text(link.to), .optional(link.dependencyType?.rawValue),
                             .optional(link.lagDays), .optional(link.share)])
        }
        try book.finish()
    }

    /// The columns every entity sheet ends with.
    static let shared = ["Owner", "Organisation", "Programme", "Notes", "Source ref"]

    private func shared<E: Entity>(_ entity: E) -> [WorkbookCell] {
        [.optional(entity.owner), .optional(entity.organisation), .optional(entity.programme), .optional(entity.notes), sourceRef(entity)]
    }

    /// The entity's identifier in the file it came from, when it is not its id.
    private func sourceRef<E: Entity>(_ entity: E) -> WorkbookCell {
        entity.source.identifier == entity.id ? .empty : .optional(entity.source.identifier)
    }

    private func writeDeliverables(_ plan: Plan, _ book: WorkbookWriter) throws {
        try book.beginSheet("Deliverables", headers: ["Deliverable ID", "Name", "Kind", "Parent", "Planned start", "Planned finish",
                                                      "Baseline start", "Baseline finish", "Forecast finish", "Actual start",
                                                      "Actual finish", "Percent complete", "Status", "Delivery confidence"] + Self.shared)
        for item in plan.deliverables {
            try book.addRow([.text(item.id), .text(item.name), .text(item.kind.rawValue), .optional(item.parent),
                             .optional(item.plannedStart), .optional(item.plannedFinish), .optional(item.baselineStart),
                             .optional(item.baselineFinish), .optional(item.forecastFinish), .optional(item.actualStart),
                             .optional(item.actualFinish), .optional(item.percentComplete), .optional(item.status),
                             .optional(item.deliveryConfidence?.rawValue)] + shared(item))
        }
    }

    private func writeMetrics(_ plan: Plan, _ book: WorkbookWriter) throws {
        try book.beginSheet("Metrics", headers: ["Metric ID", "Metric", "Unit", "Direction", "Measure type", "Frequency",
                                                 "Data source"] + Self.shared)
        for item in plan.metrics {
            try book.addRow([.text(item.id), .text(item.name), .optional(item.unit), .text(item.direction.rawValue),
                             .text(item.measureType.rawValue), .optional(item.frequency?.rawValue), .optional(item.dataSource)]
                            + shared(item))
        }
        try book.beginSheet("Values", headers: ["Metric ID", "Date", "Kind", "Value", "Source", "Confidence", "Notes"])
        for value in plan.values {
            try book.addRow([.text(value.metric), .date(value.date), .text(value.kind.rawValue),
                             value.value.map(WorkbookCell.number) ?? .optional(value.text), .optional(value.dataSource),
                             .optional(value.confidence?.rawValue), .optional(value.note)])
        }
    }
}
