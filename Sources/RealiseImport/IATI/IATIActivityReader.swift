import RealiseModel

/// Streams an IATI activity file through `XMLPullReader`, handing over one activity at a time.
///
/// Only the children of `iati-activity` the mapping uses are kept (identifier, organisations, title,
/// descriptions, status, dates, related activities, results); transactions, budgets, locations and the like —
/// most of a real file — are skipped as they stream past, so memory stays bounded by one activity.
struct IATIActivityReader {
    /// The children of `iati-activity` that are kept, with everything inside them.
    static let kept: Set<String> = ["iati-identifier", "reporting-org", "title", "description", "participating-org",
                                    "activity-status", "activity-date", "related-activity", "result"]

    /// The elements whose line a message or a source may name; the others (narratives, titles, comments…)
    /// are not located, which spares the line lookup for most elements.
    static let located: Set<String> = ["iati-activity", "description", "activity-date", "related-activity", "result",
                                       "indicator", "baseline", "period", "period-end", "target", "actual"]

    let path: String

    /// Reads the file, calling `body` with each activity, its default language (the activity's
    /// `xml:lang`, else that of `iati-activities`) and how far the file has been read (bytes done, total).
    /// - Throws: `.invalid` when the file is not well-formed (with libxml2's line), has a DOCTYPE, or its root
    ///   is not `iati-activities` / `iati-activity`; or what `body` throws.
    func read(_ body: (IATINode, String?, (Int, Int)) throws(ImportError) -> Void) throws(ImportError) {
        if let line = try FileHead.read(path: path).doctypeLine {
            throw .invalid([Diagnostic(.error, path: path, line: line,
                "a DOCTYPE is not allowed in an IATI file (entities and DTDs are never loaded); remove it")])
        }
        let reader = try XMLPullReader(path: path)
        var fileLanguage: String?
        var rootProblem: Diagnostic?
        var stack: [IATINode] = []          // open kept elements; stack[0] is the activity
        var activityDepth: Int?
        var skipping: Int?                  // depth of a skipped element whose end is awaited

        func finishActivity() throws(ImportError) {
            guard let activity = stack.first else { return }
            stack.removeAll()
            activityDepth = nil
            try body(activity, activity["lang"] ?? fileLanguage, (reader.bytesConsumed, reader.fileSize))
        }

        while try reader.next() {
            switch reader.node {
            case .doctype:
                throw .invalid([Diagnostic(.error, path: path, line: reader.line,
                    "a DOCTYPE is not allowed in an IATI file (entities and DTDs are never loaded); remove it")])
            case .element:
                if rootProblem != nil || skipping != nil { continue }
                let depth = reader.depth, name = reader.localName, empty = reader.isEmptyElement
                if depth == 0 {
                    if name == "iati-activities" {
                        fileLanguage = reader.attributes().first { $0.0 == "lang" }?.1.trimmed
                        continue
                    }
                    guard name == "iati-activity" else {
                        rootProblem = Diagnostic(.error, path: path, line: reader.line,
                            "the root element is <\(name)>; an IATI activity file has <iati-activities> (or <iati-activity>)")
                        continue
                    }
                }
                guard let start = activityDepth else {
                    // Outside an activity only an activity is of interest.
                    guard name == "iati-activity", depth <= 1 else {
                        if !empty { skipping = depth }
                        continue
                    }
                    activityDepth = depth
                    stack = [IATINode(name: name, attributes: reader.attributes(), line: reader.line)]
                    if empty { try finishActivity() }
                    continue
                }
                if depth == start + 1, !IATIActivityReader.kept.contains(name) {
                    if !empty { skipping = depth }
                    continue
                }
                let line = IATIActivityReader.located.contains(name) ? reader.line : 0
                let node = IATINode(name: name, attributes: reader.attributes(), line: line)
                if empty { stack[stack.count - 1].children.append(node) } else { stack.append(node) }
            case .text:
                if skipping == nil, !stack.isEmpty { stack[stack.count - 1].text += reader.value }
            case .endElement:
                let depth = reader.depth
                if let skipped = skipping {
                    if depth == skipped { skipping = nil }
                    continue
                }
                guard let start = activityDepth else { continue }
                if depth == start {
                    try finishActivity()
                } else if stack.count > 1 {
                    let node = stack.removeLast()
                    stack[stack.count - 1].children.append(node)
                }
            case .other:
                break
            }
        }
        if !reader.diagnostics.isEmpty { throw .invalid(reader.diagnostics) }
        if let rootProblem { throw .invalid([rootProblem]) }
    }
}
