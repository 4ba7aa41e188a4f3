/// The project's custom-field definitions (`Project/ExtendedAttributes/ExtendedAttribute`): which
/// `FieldID` a task's `ExtendedAttribute` value belongs to, and the name people gave that field.
///
/// A field is named by its `Alias` (what the plan's author typed, e.g. "Benefit"), else its `FieldName`
/// (e.g. "Text1"), else `Field <FieldID>` when the file has no definition for it.
struct MSPDIExtendedAttributes {
    /// One definition as read.
    struct Definition {
        var fieldID: String?
        var fieldName: String?
        var alias: String?
    }

    /// What a custom field means to Realise.
    enum Role: Equatable {
        /// Holds the deliverable's own id (alias "Deliverable ID", "Realise ID", "Deliverable Ref").
        case deliverableId
        /// Holds ids of benefits the task enables: one `enabled-by` link per id.
        case benefitLinks
        /// Holds ids of objectives: reported, never linked (see `MSPDIImporter`).
        case objectiveLinks
        /// Anything else: kept in the deliverable's notes as `Name: value`.
        case note
    }

    private var names: [String: String] = [:]

    /// How many fields are defined.
    var count: Int { names.count }

    /// Records a definition; the first definition of a `FieldID` wins.
    mutating func add(_ definition: Definition) {
        guard let id = definition.fieldID?.plain, !id.isEmpty, names[id] == nil else { return }
        let alias = definition.alias?.plain ?? ""
        let fieldName = definition.fieldName?.plain ?? ""
        names[id] = !alias.isEmpty ? alias : !fieldName.isEmpty ? fieldName : "Field \(id)"
    }

    /// The name of the field with `fieldID`.
    func name(of fieldID: String) -> String {
        names[fieldID] ?? "Field \(fieldID)"
    }

    /// Field names whose values are deliverable ids (compared case-, space- and punctuation-insensitively).
    static let idFieldKeys: Set<String> = ["deliverableid", "realiseid", "deliverableref", "deliverablereference"]

    /// The role of a field called `name`, given the `--link-field` aliases.
    static func role(of name: String, linkFields: [String]) -> Role {
        let key = RegisterColumn.key(name)
        if idFieldKeys.contains(key) { return .deliverableId }
        let lowered = name.plain.lowercased()
        guard linkFields.contains(where: { $0.plain.lowercased() == lowered }) else { return .note }
        return key.contains("objective") ? .objectiveLinks : .benefitLinks
    }

    /// The ids in a link field's value: split on `,` `;` `|` and line breaks, trimmed, duplicates dropped.
    /// Spaces inside an id are kept ("BEN 01").
    static func ids(in value: String) -> [String] {
        // One printable ASCII id, the usual value, skips splitting by character (measured: 3% of reading a plan).
        let single = value.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "|") }
        }
        if single == true {
            let id = value.plain
            return id.isEmpty ? [] : [id]
        }
        var seen = Set<String>()
        return value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" || $0.isNewline })
            .map { String($0).plain }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension String {
    /// Without surrounding white space, like `trimmed`, but free when the ends are printable ASCII — the case
    /// for nearly every value MS Project writes, read a few dozen times per task.
    var plain: String {
        let ends = utf8.withContiguousStorageIfAvailable { bytes in (bytes.first, bytes.last) } ?? (utf8.first, utf8.last)
        guard let first = ends.0, let last = ends.1, first >= 33, first <= 126, last >= 33, last <= 126 else { return trimmed }
        return self
    }
}
