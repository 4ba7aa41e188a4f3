import ArgumentParser
import RealiseImport
import RealiseModel
import RealiseWorkbench

extension ImportFormat: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}

/// How plan files are read: shared by `import`, `validate` and `gaps PATH...`.
struct PlanInputOptions: ParsableArguments {
    @Option(help: "Read every file as this format instead of sniffing it (\(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
    var from: ImportFormat?

    @Option(help: "Programme id for entities whose file does not name one.")
    var programme: String?

    @Option(help: ArgumentHelp("A YAML file mapping a register's own CSV headers to Realise columns.", valueName: "file"))
    var mapping: String?

    @Option(help: ArgumentHelp("An MS Project custom field (by alias) whose values are benefit or objective ids (repeatable; default: "
                                   + ImportOptions.defaultLinkFields.joined(separator: ", ") + ").", valueName: "alias"))
    var linkField: [String] = []

    @Option(help: ArgumentHelp("Read only this sheet of a workbook (repeatable; default: every sheet with a table).", valueName: "name"))
    var sheet: [String] = []

    @Option(help: "How all-number dates typed as text are read: dmy (31/03/2027, the default) or mdy (03/31/2027).")
    var dateOrder: DateOrder = .dmy

    /// How these options read plan files.
    var reading: PlanReading {
        PlanReading(format: from, programme: programme, mappingFile: mapping, linkFields: linkField, sheets: sheet, dateOrder: dateOrder)
    }

    /// Reads every plan file named or found under `paths`; what the folder walk passed over (special files,
    /// link loops, links out of the folder) is printed on standard error, one warning each.
    func read(_ paths: [String]) throws -> PlanFiles {
        let files: PlanFiles
        do { files = try reading.read(paths) } catch { throw Failure(error) }
        for warning in files.warnings { Output.error("realise: warning: \(warning)") }
        return files
    }
}
