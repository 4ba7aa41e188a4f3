import RealiseModel

/// One entity type as it is stored: a row of the shared `entity` table (id, type, the shown text, programme,
/// owner, organisation, notes, provenance) and a row of the type's own table, whose columns are listed here,
/// once. The import's writes (`ImportTransaction.write`) and the loads (`Workspace.loadPlan`) are derived from
/// it, and a test holds the migrated schema to it: adding a field to an entity is one column here and one
/// migration.
struct EntityTable<E: Entity>: Sendable {
    /// The type's own columns after `id`, in the order they are written and read.
    let columns: [EntityColumn<E>]
    /// Where the text stored as `entity.name` lives: the objective's statement, the benefit's description,
    /// any other entity's name.
    let title: WritableKeyPath<E, String> & Sendable
    /// The optional `entity` columns this type can load (an organisation has no owner); they are written from
    /// the `Entity` protocol's getters, which every type has.
    let shared: [EntityColumn<E>]
    /// An entity with only its id, title and source, which a load fills in column by column.
    let blank: @Sendable (_ id: String, _ title: String, _ source: SourceRef) -> E
    /// Where each of `shared` is in an `EntityRow`.
    private let sharedPositions: [Int32]

    init(columns: [EntityColumn<E>], title: WritableKeyPath<E, String> & Sendable, shared: [EntityColumn<E>],
         blank: @escaping @Sendable (_ id: String, _ title: String, _ source: SourceRef) -> E) {
        self.columns = columns
        self.title = title
        self.shared = shared
        self.blank = blank
        sharedPositions = shared.map { EntityRow.position(of: $0.name) }
    }

    /// The type's own table.
    var name: String { E.type.rawValue }

    /// The entity read from a row `loadPlan` selected (`EntityRow`).
    func make(_ row: EntityRow) -> E {
        var entity = blank(row.id, row.name, row.source)
        // Through the arrays' buffers, so each column is borrowed in place: iterating the arrays copied every
        // column (its name and two closures retained and released) for every row, 28 % more time listing
        // 100 000 deliverables.
        shared.withUnsafeBufferPointer { shared in
            for index in shared.indices { shared[index].load(&entity, row.row, sharedPositions[index]) }
        }
        columns.withUnsafeBufferPointer { columns in
            for index in columns.indices { columns[index].load(&entity, row.row, EntityRow.tableStart + Int32(index)) }
        }
        return entity
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

extension EntityTable where E: OwnedEntity {
    /// All four optional `entity` columns: `programme`, `owner`, `organisation`, `notes`.
    static var ownedShared: [EntityColumn<E>] {
        [.text("programme", \.programme), .text("owner", \.owner), .text("organisation", \.organisation), .text("notes", \.notes)]
    }
}

/// An entity with every optional `entity` field settable (every type but `Organisation`, whose owner and
/// organisation are always nil).
protocol OwnedEntity: Entity {
    var programme: String? { get set }
    var owner: String? { get set }
    var organisation: String? { get set }
    var notes: String? { get set }
}

extension Programme: OwnedEntity {}
extension Objective: OwnedEntity {}
extension Benefit: OwnedEntity {}
extension Deliverable: OwnedEntity {}
extension Metric: OwnedEntity {}
