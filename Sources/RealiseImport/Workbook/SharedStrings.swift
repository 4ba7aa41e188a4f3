/// The workbook's shared strings (`xl/sharedStrings.xml`), which cells of type `s` refer to by position:
/// each entry's text, rich-text runs joined and phonetic guides (`rPh`) left out. Held in memory, as every
/// reader of the format does: cells refer to them in any order.
struct SharedStrings {
    private(set) var strings: [String] = []

    init() {}

    /// Reads the part with `reader`.
    init(reader: XMLPullReader) throws(ImportError) {
        var current = ""
        var phonetic = 0
        var inText = false
        while try reader.next() {
            switch reader.node {
            case .element:
                switch reader.localName {
                case "si":
                    current = ""
                    if reader.isEmptyElement { strings.append("") }
                case "rPh": if !reader.isEmptyElement { phonetic += 1 }
                case "t": inText = !reader.isEmptyElement
                default: break
                }
            case .endElement:
                switch reader.localName {
                case "si": strings.append(current)
                case "rPh": phonetic -= 1
                case "t": inText = false
                default: break
                }
            case .text where inText && phonetic == 0:
                current += CellText.unescaped(reader.value)
            default: break
            }
        }
    }

    /// The string at `index`, nil when there is none.
    subscript(index: Int) -> String? { strings.indices.contains(index) ? strings[index] : nil }
}
