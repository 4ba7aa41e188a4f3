import Foundation
import RealiseModel

/// Reads IATI activity XML, versions 1.0x and 2.0x (root `iati-activities`, or a lone `iati-activity`, in any
/// or no namespace), streaming it and mapping it as the README's `iati` section describes (see `IATIMapper`).
///
/// Messy data is imported with warnings rather than refused: values that are not numbers, missing
/// values, placeholder baseline years, unknown codes. What does refuse a file: XML that is not well-formed,
/// a DOCTYPE, or a root that is not IATI's.
public struct IATIImporter: PlanImporter {
    public let format = ImportFormat.iati

    public init() {}

    public func recognises(_ head: FileHead, options: ImportOptions) -> Bool {
        head.rootElement == "iati-activities" || head.rootElement == "iati-activity"
    }

    public func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        var mapper = IATIMapper(format: format, programme: options.programme)
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var count = 0
        // The file's version is as recent as its most recently updated activity.
        var updated: Day?
        try IATIActivityReader(path: path).read { node, language, position in
            count += 1
            // Already trimmed of all white space, so of `.whitespaces` too.
            if let day = node[.lastUpdated].flatMap({ Day(iso: $0) }), updated.map({ day > $0 }) ?? true {
                updated = day
                sink.dated(day)
            }
            let activity = IATIActivity(node: node, path: path, defaultLanguage: language)
            mapper.map(activity, fallbackId: "\(stem)#A\(count)", into: sink, position: position)
        }
        if count == 0 {
            mapper.warnings.append(Diagnostic(.warning, path: path, line: 1, column: 1, "the file holds no iati-activity"))
        }
        return mapper.finish(into: sink)
    }
}
