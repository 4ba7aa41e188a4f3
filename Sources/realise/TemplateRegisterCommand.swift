import ArgumentParser
import RealiseReports

/// `realise template register`: an empty register workbook with instructions and drop-down lists.
struct TemplateRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Write an empty benefits register workbook (.xlsx): instructions, header rows and drop-down lists; filled in, it imports without a mapping.")

    @Option(help: ArgumentHelp("Write the workbook to this file (or redirect standard output to one).", valueName: "file"))
    var output: String?

    func validate() throws {
        try WorkbookOutput.validate(true, output: output)
    }

    func run() throws {
        try reporting {
            try WorkbookOutput.emit(to: output) { try RegisterTemplate().write(to: $0) }
        }
    }
}
