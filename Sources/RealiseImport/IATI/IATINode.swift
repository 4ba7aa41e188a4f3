/// One element of an IATI activity as read from the stream: the attributes the records read, its own text
/// and its child elements. Only the parts of an activity the mapping uses are kept, so an activity's nodes
/// stay small however large the file.
struct IATINode: Sendable {
    var name: IATIName
    /// In document order; a name given twice (`lang` and `xml:lang`) is looked up as its first. There are a
    /// few per element: a list searched in order spares building a dictionary for each.
    private var attributes: [(name: IATIName.Attribute, value: String)]
    /// The line of the start tag; 0 for elements that are not located (see `IATIName.isLocated`).
    var line: Int
    /// The element's own text (text nodes directly inside it), untrimmed; empty unless `name.keepsText`.
    var text = ""
    var children: [IATINode] = []

    init(name: IATIName, attributes: [(name: IATIName.Attribute, value: String)], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// An attribute's value, trimmed; nil when absent or blank.
    subscript(attribute: IATIName.Attribute) -> String? {
        guard let value = raw(attribute)?.trimmed, !value.isEmpty else { return nil }
        return value
    }

    /// An attribute's value as written (nil only when absent).
    func raw(_ attribute: IATIName.Attribute) -> String? { attributes.first { $0.name == attribute }?.value }

    /// The child elements called `name`, in document order.
    func children(_ name: IATIName) -> [IATINode] { children.filter { $0.name == name } }

    /// The child elements called `name`, in document order, each made a record by `transform` (without
    /// gathering the children first).
    func children<Record>(_ name: IATIName, _ transform: (IATINode) -> Record) -> [Record] {
        var records: [Record] = []
        for index in children.indices where children[index].name == name { records.append(transform(children[index])) }
        return records
    }

    func first(_ name: IATIName) -> IATINode? { children.first { $0.name == name } }

    /// The element's own text, trimmed; nil when blank.
    var ownText: String? {
        let text = text.trimmed
        return text.isEmpty ? nil : text
    }

    /// The texts of the element in every language, added to `candidates`: its `narrative` children (2.0x),
    /// or its own text (1.0x).
    func addNarratives(to candidates: inout [IATINarrative.Candidate]) {
        var found = false
        // By index: a node copied out of the list would be retained and released whole.
        for index in children.indices where children[index].name == .narrative {
            candidates.append(.init(language: children[index][.lang], text: children[index].text))
            found = true
        }
        if !found, let text = ownText { candidates.append(.init(language: self[.lang], text: text)) }
    }

    /// The text of the child elements called `name` (a 1.0x file repeats an element once per language) in
    /// the preferred language.
    func text(_ name: IATIName, defaultLanguage: String?) -> String? {
        var candidates: [IATINarrative.Candidate] = []
        for index in children.indices where children[index].name == name { children[index].addNarratives(to: &candidates) }
        return IATINarrative.choose(candidates, defaultLanguage: defaultLanguage)
    }

    /// The text of the elements in the preferred language.
    static func text(of nodes: [IATINode], defaultLanguage: String?) -> String? {
        var candidates: [IATINarrative.Candidate] = []
        for node in nodes { node.addNarratives(to: &candidates) }
        return IATINarrative.choose(candidates, defaultLanguage: defaultLanguage)
    }
}
