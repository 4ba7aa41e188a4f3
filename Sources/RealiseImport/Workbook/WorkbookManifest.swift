import RealiseModel

/// What `xl/workbook.xml` and its relationships say: the sheets in tab order (name, part, hidden or not)
/// and the date system.
struct WorkbookManifest {
    /// One sheet of the workbook.
    struct Sheet {
        var name: String
        /// The part holding its cells, `xl/worksheets/sheet1.xml`; nil when the relationship is missing.
        var part: String?
        /// Hidden or very hidden in Excel.
        var hidden: Bool
        /// A chart sheet (no cells).
        var isChart: Bool
    }

    var sheets: [Sheet] = []
    /// The 1904 date system (old Mac workbooks): serial 0 is 1 January 1904.
    var date1904 = false
    /// The styles part, usually `xl/styles.xml`.
    var stylesPart: String?
    /// The shared strings part, usually `xl/sharedStrings.xml`.
    var sharedStringsPart: String?

    /// Reads the manifest of the workbook in `archive`, naming it `path` in diagnostics.
    init(archive: WorkbookArchive) throws(ImportError) {
        let targets = try WorkbookManifest.relationships(archive)
        guard let reader = try archive.reader("xl/workbook.xml", name: archive.partName("xl/workbook.xml")) else {
            throw WorkbookArchive.refused(archive.path, "the workbook has no xl/workbook.xml part; open it in Excel and save it again")
        }
        while try reader.next() {
            guard reader.node == .element else { continue }
            switch reader.localName {
            case "workbookPr":
                date1904 = ["1", "true"].contains(reader.attribute("date1904")?.lowercased() ?? "")
            case "sheet":
                let attributes = reader.attributes()
                let name = attributes.first { $0.0 == "name" }?.1 ?? "Sheet\(sheets.count + 1)"
                let id = attributes.first { $0.0 == "id" }?.1
                let state = attributes.first { $0.0 == "state" }?.1 ?? "visible"
                let target = id.flatMap { targets[$0] }
                sheets.append(Sheet(name: name, part: target?.part, hidden: state != "visible",
                                    isChart: target?.type.hasSuffix("/chartsheet") ?? false))
            default: break
            }
        }
        stylesPart = targets.values.first { $0.type.hasSuffix("/styles") }?.part
        sharedStringsPart = targets.values.first { $0.type.hasSuffix("/sharedStrings") }?.part
    }

    /// The workbook's relationships by id: target part (resolved against `xl/`) and type.
    private static func relationships(_ archive: WorkbookArchive) throws(ImportError) -> [String: (part: String, type: String)] {
        var targets: [String: (part: String, type: String)] = [:]
        let name = archive.partName("xl/_rels/workbook.xml.rels")
        guard let reader = try archive.reader("xl/_rels/workbook.xml.rels", name: name) else { return targets }
        while try reader.next() {
            guard reader.node == .element, reader.localName == "Relationship",
                  let id = reader.attribute("Id"), let target = reader.attribute("Target") else { continue }
            if reader.attribute("TargetMode") == "External" { continue }
            guard let part = resolve(target) else {
                throw WorkbookArchive.refused(archive.path, "the workbook refers to a part '\(target.prefix(80))' outside it; it is refused")
            }
            targets[id] = (part, reader.attribute("Type") ?? "")
        }
        return targets
    }

    /// A relationship target as a part name: absolute (`/xl/worksheets/sheet1.xml`) or relative to `xl/`,
    /// with `.` and `..` steps resolved; nil when it climbs out of the archive.
    static func resolve(_ target: String) -> String? {
        var steps: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
        for step in target.split(separator: "/") {
            switch step {
            case ".": continue
            case "..":
                guard !steps.isEmpty else { return nil }
                steps.removeLast()
            default: steps.append(step)
            }
        }
        return steps.joined(separator: "/")
    }
}
