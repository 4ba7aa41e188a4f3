import Foundation
@testable import RealiseImport
import RealiseModel

/// What each of Realise's two fronts to libxml2 makes of a file, as comparable tokens: `<name@line` for an
/// element's start (the line where its start tag begins), `text` for the text between two element events,
/// `>` for an end; and the diagnostics when the file is refused. Both read every text, as the MSPDI reader does.
enum XMLFronts {
    struct Outcome: Equatable, CustomStringConvertible {
        var tokens: [String] = []
        var diagnostics: [Diagnostic]?

        var description: String { diagnostics.map { "\($0)" } ?? tokens.joined(separator: " ") }
    }

    /// Through `XMLPullReader`, as the MSPDI and IATI readers read before `XMLSAXParser`.
    static func pull(_ path: String) -> Outcome {
        var outcome = Outcome()
        var text = ""
        func flush() {
            if !text.isEmpty { outcome.tokens.append(text) }
            text = ""
        }
        do throws(ImportError) {
            let reader = try XMLPullReader(path: path)
            while try reader.next() {
                switch reader.node {
                case .element:
                    flush()
                    outcome.tokens.append("<\(reader.localName)@\(reader.line)")
                    if reader.isEmptyElement { outcome.tokens.append(">") }
                case .endElement:
                    flush()
                    outcome.tokens.append(">")
                case .text:
                    text += reader.value
                default:
                    break
                }
            }
            if !reader.diagnostics.isEmpty { outcome.diagnostics = reader.diagnostics }
        } catch {
            outcome.diagnostics = error.diagnostics
        }
        return outcome
    }

    /// Through `XMLSAXParser`.
    static func sax(_ path: String) -> Outcome {
        let recorder = Recorder()
        do throws(ImportError) {
            try XMLSAXParser(path: path).parse(recorder)
        } catch {
            recorder.outcome.diagnostics = error.diagnostics
        }
        return recorder.outcome
    }

    private final class Recorder: XMLSAXHandler {
        var outcome = Outcome()

        func start(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError) {
            flush(parser)
            outcome.tokens.append("<\(String(cString: element.name))@\(parser.startLine())")
        }

        func end(_ name: XMLName, _ parser: XMLSAXParser) throws(ImportError) {
            flush(parser)
            outcome.tokens.append(">")
        }

        private func flush(_ parser: XMLSAXParser) {
            if !parser.text.isEmpty { outcome.tokens.append(String(decoding: parser.text, as: UTF8.self)) }
        }
    }
}
