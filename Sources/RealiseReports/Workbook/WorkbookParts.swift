/// The fixed parts of a workbook Realise writes and the ones made from its list of sheets.
enum WorkbookParts {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(sheets: Int) -> String {
        let sheetTypes = (1...max(sheets, 1)).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheetTypes + "</Types>"
    }

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbookRelationships(sheets: Int) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...max(sheets, 1)).map {
                "<Relationship Id=\"rId\($0)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rIdStyles\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// The workbook: its sheets in order, and the hidden names Excel keeps for each sheet's auto-filter.
    static func workbook(_ sheets: [(name: String, filter: String?)]) -> String {
        let list = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(WorkbookXML.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let names = sheets.enumerated().compactMap { index, sheet in
            sheet.filter.map { filter in
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                let absolute = filter.split(separator: ":").map { absoluteReference(String($0)) }.joined(separator: ":")
                return "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                    + WorkbookXML.escaped("\(quoted)!\(absolute)") + "</definedName>"
            }
        }.joined()
        return declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><workbookPr/>"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>\(list)</sheets>"
            + (names.isEmpty ? "" : "<definedNames>\(names)</definedNames>") + "</workbook>"
    }

    /// `A1` as `$A$1`.
    private static func absoluteReference(_ cell: String) -> String {
        let letters = cell.prefix { $0.isLetter }
        return "$\(letters)$\(cell.dropFirst(letters.count))"
    }

    /// Styles: 0 plain, 1 the header (bold, wrapped, shaded), 2 a date (built-in format 14, which Excel shows in
    /// the reader's own regional date form).
    static let styles = declaration + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
