import RealiseModel

/// One stored field of an entity: its column's name and SQL type, and how the field's value is bound into an
/// insert. Made with `text`, `day`, `number` and `word`, each from the field's key path, so a field is named once.
/// (A load reads the columns back by position, making each entity at once: `EntityTable.read`.)
struct EntityColumn<E>: Sendable {
    /// The SQL type: `TEXT` (texts, days as ISO dates, enumeration words) or `REAL` (numbers).
    enum SQLType: String, Sendable { case text = "TEXT", real = "REAL" }

    let name: String
    let type: SQLType
    /// Whether the column may hold NULL (false only for a required word, such as a benefit's kind).
    let nullable: Bool
    /// Appends the field's value, as bound into an insert, to rows being written.
    let write: @Sendable (E, inout SQLRows) -> Void

    /// An optional text.
    static func text(_ name: String, _ key: KeyPath<E, String?> & Sendable) -> Self {
        let read = PropertyReader(key)
        return Self(name: name, type: .text, nullable: true, write: { $1.append(read($0)) })
    }

    /// An optional day, stored as its ISO date.
    static func day(_ name: String, _ key: KeyPath<E, Day?> & Sendable) -> Self {
        let read = PropertyReader(key)
        return Self(name: name, type: .text, nullable: true, write: { $1.append(read($0)?.description) })
    }

    /// An optional number.
    static func number(_ name: String, _ key: KeyPath<E, Double?> & Sendable) -> Self {
        let read = PropertyReader(key)
        return Self(name: name, type: .real, nullable: true, write: { $1.append(read($0)) })
    }

    /// An optional enumeration, stored as its word.
    static func word<W: KebabCaseEnum>(_ name: String, _ key: KeyPath<E, W?> & Sendable) -> Self {
        let read = PropertyReader(key)
        return Self(name: name, type: .text, nullable: true, write: { $1.append(read($0)?.rawValue) })
    }

    /// A required enumeration (`NOT NULL`); a stored word this version does not know is read as the field's default.
    static func word<W: KebabCaseEnum>(_ name: String, _ key: KeyPath<E, W> & Sendable) -> Self {
        let read = PropertyReader(key)
        return Self(name: name, type: .text, nullable: false, write: { $1.append(read($0).rawValue) })
    }
}
