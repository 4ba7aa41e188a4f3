import RealiseModel

/// The `XMLSAXParser` handler behind `IATIActivityReader`: builds the kept elements of one activity at a time
/// into `IATINode`s and hands each finished activity to `body`. Names are compared as the parser's dictionary
/// pointers; a string is made of each kept element's name once per file.
final class IATIActivityStream: XMLSAXHandler {
    typealias Body = (IATINode, String?, (Int, Int)) throws(ImportError) -> Void

    private let path: String
    private let body: Body
    private let activities: XMLName
    private let activity: XMLName
    private let kept: [XMLName]
    private let located: [XMLName]
    /// The string of every name met, made once.
    private var strings: [XMLName: String] = [:]
    private var fileLanguage: String?
    /// The root is not IATI's: reported once the whole file is known to be well-formed.
    private(set) var rootProblem: Diagnostic?
    /// Open kept elements; stack[0] is the activity.
    private var stack: [IATINode] = []
    private var activityDepth: Int?
    /// The depth of a skipped element whose end is awaited.
    private var skipping: Int?

    init(parser: XMLSAXParser, body: @escaping Body) {
        path = parser.path
        self.body = body
        activities = parser.intern("iati-activities")
        activity = parser.intern("iati-activity")
        kept = IATIActivityReader.kept.map(parser.intern)
        located = IATIActivityReader.located.map(parser.intern)
    }

    func start(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError) {
        keepText(parser)
        defer { parser.keepsText = skipping == nil && !stack.isEmpty }
        guard rootProblem == nil, skipping == nil else { return }
        let depth = parser.depth, name = element.name
        if depth == 0 {
            if name == activities {
                fileLanguage = try attributes(element, parser).first { $0.0 == "lang" }?.1.trimmed
                return
            }
            guard name == activity else {
                rootProblem = Diagnostic(.error, path: path, line: parser.startLine(),
                    "the root element is <\(string(name))>; an IATI activity file has <iati-activities> (or <iati-activity>)")
                return
            }
        }
        guard let start = activityDepth else {
            // Outside an activity only an activity is of interest.
            guard name == activity, depth <= 1 else {
                skipping = depth
                return
            }
            activityDepth = depth
            stack = [IATINode(name: string(name), attributes: try attributes(element, parser), line: parser.startLine())]
            return
        }
        if depth == start + 1, !kept.contains(name) {
            skipping = depth
            return
        }
        let line = located.contains(name) ? parser.startLine() : 0
        stack.append(IATINode(name: string(name), attributes: try attributes(element, parser), line: line))
    }

    func end(_ name: XMLName, _ parser: XMLSAXParser) throws(ImportError) {
        keepText(parser)
        defer { parser.keepsText = skipping == nil && !stack.isEmpty }
        let depth = parser.depth
        if let skipped = skipping {
            if depth == skipped { skipping = nil }
            return
        }
        guard let start = activityDepth else { return }
        if depth == start {
            guard let activity = stack.first else { return }
            stack.removeAll()
            activityDepth = nil
            try body(activity, activity["lang"] ?? fileLanguage, (parser.bytesConsumed, parser.fileSize))
        } else if stack.count > 1 {
            let node = stack.removeLast()
            stack[stack.count - 1].children.append(node)
        }
    }

    /// The text read since the last start or end belongs to the innermost open kept element.
    private func keepText(_ parser: XMLSAXParser) {
        guard parser.keepsText, !parser.text.isEmpty, !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: parser.text, as: UTF8.self)
    }

    /// The element's attributes by local name, in document order, each checked as `XMLPullReader` checks them.
    private func attributes(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError) -> [(String, String)] {
        var result: [(String, String)] = []
        try element.forEachAttribute { name, bytes throws(ImportError) in
            let value = XMLSAXElement.value(bytes)
            try parser.checkAttribute(name, value)
            result.append((string(name), value))
        }
        return result
    }

    private func string(_ name: XMLName) -> String {
        if let known = strings[name] { return known }
        let string = String(cString: name)
        strings[name] = string
        return string
    }
}
