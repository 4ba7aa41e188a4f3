import Foundation
import RealiseModel

/// Reads Realise's own plan XML (namespace `urn:realise:plan:1`), validating it against the shipped XSD
/// while streaming it through libxml2.
public struct RealiseXMLImporter: PlanImporter {
    public static let namespace = "urn:realise:plan:1"
    public let format = ImportFormat.realiseXML

    public init() {}

    public func recognises(_ head: FileHead, options: ImportOptions) -> Bool {
        head.rootElement == "plan" && head.rootNamespace == RealiseXMLImporter.namespace
    }

    /// The XSD shipped with the package.
    public static var schemaPath: String? { Bundle.module.path(forResource: "realise-plan-1", ofType: "xsd") }

    public func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        // Refused before libxml2 sees it: no DTD is ever read, and the message can name the right line.
        if let line = try FileHead.read(path: path).doctypeLine {
            throw .invalid([Diagnostic(.error, path: path, line: line,
                "a DOCTYPE is not allowed in a Realise plan (entities and DTDs are never loaded); remove it")])
        }
        let reader = try XMLPullReader(path: path, schemaPath: RealiseXMLImporter.schemaPath)
        var mapper = RealiseXMLMapper(path: path, programme: options.programme)
        var current: XMLElementRecord?
        var textElement: String?
        var text = ""
        var childIndex: Int?

        while try reader.next() {
            switch reader.node {
            case .doctype:
                throw .invalid([Diagnostic(.error, path: path, line: reader.line,
                    "a DOCTYPE is not allowed in a Realise plan (entities and DTDs are never loaded); remove it")])
            case .element:
                let depth = reader.depth
                if depth == 0 {
                    guard reader.localName == "plan", reader.namespaceURI == RealiseXMLImporter.namespace else {
                        throw .invalid([Diagnostic(.error, path: path, line: reader.line,
                            "the root element must be <plan xmlns=\"\(RealiseXMLImporter.namespace)\">")])
                    }
                } else if depth == 1 {
                    current = XMLElementRecord(name: reader.localName, attributes: reader.attributes(), line: reader.line)
                    if reader.isEmptyElement, let record = current {
                        mapper.map(record)
                        sink.flush(&mapper.plan, position: (reader.bytesConsumed, reader.fileSize))
                        current = nil
                    }
                } else if depth == 2, current != nil {
                    let attributes = reader.attributes()
                    if attributes.isEmpty {
                        textElement = reader.localName
                        text = ""
                        if reader.isEmptyElement { current?.texts[reader.localName] = ""; textElement = nil }
                    } else {
                        current?.children.append(.init(name: reader.localName,
                            attributes: Dictionary(attributes, uniquingKeysWith: { first, _ in first }), text: "", line: reader.line))
                        childIndex = reader.isEmptyElement ? nil : (current?.children.count ?? 1) - 1
                    }
                }
            case .text:
                if textElement != nil { text += reader.value }
                else if let childIndex { current?.children[childIndex].text += reader.value }
            case .endElement:
                if reader.depth == 2 {
                    if let name = textElement { current?.texts[name] = text }
                    textElement = nil
                    childIndex = nil
                } else if reader.depth == 1, let record = current {
                    mapper.map(record)
                    sink.flush(&mapper.plan, position: (reader.bytesConsumed, reader.fileSize))
                    current = nil
                }
            case .other:
                break
            }
        }
        if !reader.diagnostics.isEmpty { throw .invalid(reader.diagnostics) }
        if !mapper.problems.isEmpty { throw .invalid(mapper.problems) }
        sink.flush(&mapper.plan, threshold: 0)
        return mapper.warnings
    }
}
