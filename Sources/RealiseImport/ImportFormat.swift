/// The plan formats Realise reads. The raw value is the id used by `--from` and in import summaries.
public enum ImportFormat: String, CaseIterable, Sendable, Codable {
    /// Realise's own plan XML, namespace `urn:realise:plan:1`, validated against the shipped XSD.
    case realiseXML = "realise-xml"
    /// A benefits register as CSV, with companion tables for objectives, deliverables and measurements.
    case registerCSV = "register-csv"
    /// Microsoft Project XML (MSPDI), as written by MS Project, ProjectLibre, GanttProject and MPXJ.
    case mspdi
    /// IATI activity XML, versions 1.0x and 2.0x.
    case iati
    /// UK Government Major Projects Portfolio annual data, one project per row or transposed.
    case gmppCSV = "gmpp-csv"
    /// IATI results as flat CSV tables (activities, results, indicators, indicator periods).
    case resultsCSV = "results-csv"
    /// An Excel workbook (`.xlsx`, `.xlsm`): each sheet a table of the register, GMPP or results formats.
    case xlsx
}
