import RealiseModel

/// One entity type as it is stored: a row of the shared `entity` table (id, type, the shown text, programme,
/// owner, organisation, notes, provenance) and a row of the type's own table, whose columns are listed here,
/// once. The import's writes (`ImportTransaction.write`) and the loads (`Workspace.loadPlan`) are derived from
/// it, and a test holds the migrated schema to it: adding a field to an entity is one column here and one
/// migration, with its reading in `EntityTables` (a test holds the two to each other).
struct EntityTable<E: Entity>: Sendable {
    /// The type's own columns after `id`, in the order they are written and read.
    let columns: [EntityColumn<E>]
    /// Where the text stored as `entity.name` lives: the objective's statement, the benefit's description,
    /// any other entity's name.
    let title: KeyPath<E, String> & Sendable
    /// The entity of a row `loadPlan` selected, made at once from the row's columns (`EntityRow`; the table's own
    /// in the order of `columns`). Setting field after field through key paths was most of loading a large plan.
    let read: @Sendable (EntityRow, inout SharedStrings) -> E

    /// The type's own table.
    var name: String { E.type.rawValue }

    /// The entity read from a row `loadPlan` selected (`EntityRow`), its repeated texts shared through `strings`.
    func make(_ row: StatementRow, _ strings: inout SharedStrings) -> E {
        let row = EntityRow(row, shared: &strings)
        return read(row, &strings)
    }

    /// Appends a row of the type's own table for the entity: its id, then its columns in order.
    func write(_ entity: E, into rows: inout SQLRows) {
        rows.append(entity.id)
        columns.withUnsafeBufferPointer { columns in
            for column in columns { column.write(entity, &rows) }
        }
    }

    /// An empty set of rows of the type's own table (its id and columns).
    var rows: SQLRows { SQLRows(width: columns.count + 1) }
}
