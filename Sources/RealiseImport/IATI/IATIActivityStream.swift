import RealiseModel

/// The `XMLSAXParser` handler behind `IATIActivityReader`: builds the kept elements of one activity at a time
/// into `IATINode`s and hands each finished activity to `body`. Names are compared as the parser's dictionary
/// pointers and kept as `IATIName`s; only the attributes and texts the records read become strings.
final class IATIActivityStream: XMLSAXHandler {
    typealias Body = (IATINode, String?, (Int, Int)) throws(ImportError) -> Void

    private let path: String
    private let body: Body
    private let activities: XMLName
    /// The dictionary pointer of each `IATIName` but `other`, in the order of its cases.
    private let names: [XMLName]
    private let attributeNames: [XMLName]
    /// What changes at every element, behind a pointer: measured on an IATI import, Swift's run-time
    /// exclusivity checks on these as class properties took a twentieth of the reading thread.
    private let state: UnsafeMutablePointer<State>

    private struct State {
        var fileLanguage: String?
        var rootProblem: Diagnostic?
        /// Open kept elements; stack[0] is the activity.
        var stack: [IATINode] = []
        var activityDepth: Int?
        /// The depth of a skipped element whose end is awaited.
        var skipping: Int?
    }

    /// The root is not IATI's: reported once the whole file is known to be well-formed.
    var rootProblem: Diagnostic? { state.pointee.rootProblem }

    init(parser: XMLSAXParser, body: @escaping Body) {
        path = parser.path
        self.body = body
        activities = parser.intern("iati-activities")
        names = IATIName.allCases.filter { $0 != .other }.map { parser.intern($0.text) }
        attributeNames = IATIName.Attribute.allCases.map { parser.intern($0.text) }
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    func start(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError) {
        keepText(parser)
        defer { parser.keepsText = state.pointee.skipping == nil && !state.pointee.stack.isEmpty }
        guard state.pointee.rootProblem == nil, state.pointee.skipping == nil else { return }
        let depth = parser.depth, name = element.name
        if depth == 0 {
            if name == activities {
                state.pointee.fileLanguage = try attributes(element, parser).first { $0.name == .lang }?.value.trimmed
                return
            }
            guard name == names[Int(IATIName.activity.rawValue)] else {
                state.pointee.rootProblem = Diagnostic(.error, path: path, line: parser.startLine(),
                    "the root element is <\(String(cString: name))>; an IATI activity file has <iati-activities> (or <iati-activity>)")
                return
            }
        }
        let kind = self.name(name)
        guard let start = state.pointee.activityDepth else {
            // Outside an activity only an activity is of interest.
            guard kind == .activity, depth <= 1 else {
                state.pointee.skipping = depth
                return
            }
            state.pointee.activityDepth = depth
            state.pointee.stack = [IATINode(name: kind, attributes: try attributes(element, parser), line: parser.startLine())]
            return
        }
        if depth == start + 1, !kind.isKept {
            state.pointee.skipping = depth
            return
        }
        let line = kind.isLocated ? parser.startLine() : 0
        state.pointee.stack.append(IATINode(name: kind, attributes: try attributes(element, parser), line: line))
    }

    func end(_ name: XMLName, _ parser: XMLSAXParser) throws(ImportError) {
        keepText(parser)
        defer { parser.keepsText = state.pointee.skipping == nil && !state.pointee.stack.isEmpty }
        let depth = parser.depth
        if let skipped = state.pointee.skipping {
            if depth == skipped { state.pointee.skipping = nil }
            return
        }
        guard let start = state.pointee.activityDepth else { return }
        if depth == start {
            guard let activity = state.pointee.stack.first else { return }
            state.pointee.stack.removeAll(keepingCapacity: true)
            state.pointee.activityDepth = nil
            try body(activity, activity[.lang] ?? state.pointee.fileLanguage, (parser.bytesConsumed, parser.fileSize))
        } else if state.pointee.stack.count > 1 {
            let node = state.pointee.stack.removeLast()
            // An element of no kept name holds nothing the records read.
            guard node.name != .other else { return }
            let parent = state.pointee.stack.endIndex - 1
            // Room for a few children at once rather than growing one by one: most kept elements have several.
            if state.pointee.stack[parent].children.isEmpty { state.pointee.stack[parent].children.reserveCapacity(4) }
            state.pointee.stack[parent].children.append(node)
        }
    }

    /// The text read since the last start or end belongs to the innermost open kept element; it is kept
    /// when that element's text is read.
    private func keepText(_ parser: XMLSAXParser) {
        guard parser.keepsText, !parser.text.isEmpty, let last = state.pointee.stack.indices.last,
              state.pointee.stack[last].name.keepsText else { return }
        state.pointee.stack[last].text += String(decoding: parser.text, as: UTF8.self)
    }

    private func name(_ name: XMLName) -> IATIName {
        guard let index = names.firstIndex(of: name) else { return .other }
        return IATIName(rawValue: UInt8(index))!
    }

    /// The attributes the records read, by local name in document order; every attribute is checked as
    /// `XMLPullReader` checks it.
    private func attributes(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError)
        -> [(name: IATIName.Attribute, value: String)] {
        var result: [(name: IATIName.Attribute, value: String)] = []
        try element.forEachAttribute { name, bytes throws(ImportError) in
            let index = attributeNames.firstIndex(of: name)
            // A value of no more bytes than the limit's characters is within it: the string is made only when kept.
            guard index != nil || bytes.count > FieldLimits.characters else { return }
            let value = XMLSAXElement.value(bytes)
            try parser.checkAttribute(name, value)
            if let index { result.append((IATIName.Attribute(rawValue: UInt8(index))!, value)) }
        }
        return result
    }
}
