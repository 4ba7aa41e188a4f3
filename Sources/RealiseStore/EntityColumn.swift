import RealiseModel

/// One stored field of an entity: its column's name and SQL type, how the field's value is bound into an
/// insert, and how it is read back by position from a row of either backend (`StatementRow`). Made with `text`, `day`,
/// `number` and `word`, each from the field's key path, so a field is named once.
struct EntityColumn<E>: Sendable {
    /// The SQL type: `TEXT` (texts, days as ISO dates, enumeration words) or `REAL` (numbers).
    enum SQLType: String, Sendable { case text = "TEXT", real = "REAL" }

    let name: String
    let type: SQLType
    /// Whether the column may hold NULL (false only for a required word, such as a benefit's kind).
    let nullable: Bool
    /// Appends the field's value, as bound into an insert, to rows being written.
    let write: @Sendable (E, inout SQLRows) -> Void
    /// Sets the field from the row's column at a position.
    let load: @Sendable (inout E, StatementRow, Int32) -> Void

    /// An optional text.
    static func text(_ name: String, _ key: WritableKeyPath<E, String?> & Sendable) -> Self {
        let read = FieldReader(key)
        return Self(name: name, type: .text, nullable: true, write: { $1.append(read($0)) },
                    load: { entity, row, position in entity[keyPath: key] = row.optionalString(position) })
    }

    /// An optional day, stored as its ISO date.
    static func day(_ name: String, _ key: WritableKeyPath<E, Day?> & Sendable) -> Self {
        let read = FieldReader(key)
        return Self(name: name, type: .text, nullable: true, write: { $1.append(read($0)?.description) },
                    load: { entity, row, position in entity[keyPath: key] = row.day(position) })
    }

    /// An optional number.
    static func number(_ name: String, _ key: WritableKeyPath<E, Double?> & Sendable) -> Self {
        let read = FieldReader(key)
        return Self(name: name, type: .real, nullable: true, write: { $1.append(read($0)) },
                    load: { entity, row, position in entity[keyPath: key] = row.double(position) })
    }

    /// An optional enumeration, stored as its word.
    static func word<W: KebabCaseEnum>(_ name: String, _ key: WritableKeyPath<E, W?> & Sendable) -> Self {
        let read = FieldReader(key)
        return Self(name: name, type: .text, nullable: true, write: { $1.append(read($0)?.rawValue) },
                    load: { entity, row, position in entity[keyPath: key] = row.word(position) })
    }

    /// A required enumeration (`NOT NULL`); a stored word this version does not know leaves the field as
    /// the blank entity had it.
    static func word<W: KebabCaseEnum>(_ name: String, _ key: WritableKeyPath<E, W> & Sendable) -> Self {
        let read = FieldReader(key)
        return Self(name: name, type: .text, nullable: false, write: { $1.append(read($0).rawValue) },
                    load: { entity, row, position in if let word: W = row.word(position) { entity[keyPath: key] = word } })
    }
}
