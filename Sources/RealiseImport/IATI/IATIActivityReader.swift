import RealiseModel

/// Streams an IATI activity file through `XMLSAXParser` (see `IATIActivityStream`), handing over one activity at a time.
///
/// Only the children of `iati-activity` the mapping uses are kept (identifier, organisations, title,
/// descriptions, status, dates, related activities, results: see `IATIName`); transactions, budgets, locations and the like —
/// most of a real file — are skipped as they stream past, so memory stays bounded by one activity.
struct IATIActivityReader {
    let path: String

    /// Reads the file, calling `body` with each activity, its default language (the activity's
    /// `xml:lang`, else that of `iati-activities`) and how far the file has been read (bytes done, total).
    /// - Throws: `.invalid` when the file is not well-formed (with libxml2's line), has a DOCTYPE, or its root
    ///   is not `iati-activities` / `iati-activity`; or what `body` throws.
    func read(_ body: @escaping IATIActivityStream.Body) throws(ImportError) {
        if let line = try FileHead.read(path: path).doctypeLine {
            throw .invalid([Diagnostic(.error, path: path, line: line,
                "a DOCTYPE is not allowed in an IATI file (entities and DTDs are never loaded); remove it")])
        }
        let parser = try XMLSAXParser(path: path)
        let stream = IATIActivityStream(parser: parser, body: body)
        try parser.parse(stream)
        if let rootProblem = stream.rootProblem { throw .invalid([rootProblem]) }
    }
}
