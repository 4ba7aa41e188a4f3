import Foundation
import ZIPFoundation

/// Workbooks zipped from hand-written parts, for the cases no spreadsheet program writes on purpose.
///
/// Styles: 0 General, 1 built-in date (14), 2 custom date `dd/mm/yyyy` (164), 3 percent (9), 4 time `h:mm`
/// (20), 5 custom `[$-809]dd mmmm yyyy;@` (165).
public struct WorkbookFixture: Sendable {
    /// One sheet: its name, its `<sheetData>` rows, what follows them (such as `<mergeCells>`), its state.
    public struct Sheet: Sendable {
        public var name: String
        public var rows: String
        public var after: String
        public var state: String

        public init(name: String, rows: String, after: String = "", state: String = "visible") {
            self.name = name
            self.rows = rows
            self.after = after
            self.state = state
        }
    }

    public var sheets: [Sheet]
    public var sharedStrings: [String]
    public var date1904: Bool
    /// Parts added or replacing the generated ones, by name.
    public var extraParts: [String: String] = [:]

    public init(sheets: [Sheet], sharedStrings: [String] = [], date1904: Bool = false) {
        self.sheets = sheets
        self.sharedStrings = sharedStrings
        self.date1904 = date1904
    }

    /// A row of inline-string and number cells: `row(3, "Benefit ID", "Description")`, numbers as `#5`.
    public static func row(_ number: Int, _ values: String...) -> String {
        var cells = ""
        for (index, value) in values.enumerated() where !value.isEmpty {
            let reference = "\(column(index + 1))\(number)"
            if value.hasPrefix("#") {
                cells += "<c r=\"\(reference)\"><v>\(value.dropFirst())</v></c>"
            } else {
                cells += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(value))</t></is></c>"
            }
        }
        return "<row r=\"\(number)\">\(cells)</row>"
    }

    static func column(_ number: Int) -> String {
        number <= 26 ? String(UnicodeScalar(UInt8(64 + number))) : column((number - 1) / 26) + column((number - 1) % 26 + 1)
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// The parts of the workbook, by name.
    public var parts: [String: String] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [String: String] = [
            "[Content_Types].xml": """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="xml" ContentType="application/xml"/></Types>
                """,
            "xl/styles.xml": """
                <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(main)"><numFmts count="2">\
                <numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[$-809]dd\\ mmmm\\ yyyy;@"/></numFmts>\
                <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/>\
                <xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="20"/><xf numFmtId="165"/></cellXfs></styleSheet>
                """,
            "xl/sharedStrings.xml": "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">"
                + sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\(Self.escaped($0))</t></si>" }.joined() + "</sst>",
        ]
        var sheetList = "", relationships = ""
        for (index, sheet) in sheets.enumerated() {
            sheetList += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" state=\"\(sheet.state)\" r:id=\"rId\(index + 1)\"/>"
            relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            parts["xl/worksheets/sheet\(index + 1).xml"] = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet.rows)</sheetData>\(sheet.after)</worksheet>"
        }
        relationships += "<Relationship Id=\"rIdS\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdT\" Type=\"\(rel)/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
        parts["xl/workbook.xml"] = "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\">"
            + "<workbookPr date1904=\"\(date1904 ? "1" : "false")\"/><sheets>\(sheetList)</sheets></workbook>"
        parts["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + relationships + "</Relationships>"
        return parts.merging(extraParts) { $1 }
    }

    /// Writes the workbook to `path`.
    public func write(to path: String) throws {
        try WorkbookFixture.zip(parts.sorted { $0.key < $1.key }.map { ($0.key, Data($0.value.utf8)) }, to: path)
    }

    /// Zips `entries` (deflated) into a new archive at `path`.
    public static func zip(_ entries: [(String, Data)], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create, pathEncoding: nil)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// The parts of the workbook at `path`, by name, as text.
    public static func unzip(_ path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    /// The parts of the workbook at `path` as one text: each part's name, then its XML, in name order.
    public static func dump(_ path: String) throws -> String {
        try unzip(path).sorted { $0.key < $1.key }.map { "== \($0.key)\n\($0.value)\n" }.joined()
    }
}
