import ArgumentParser

/// `realise template …`: empty workbooks to start a plan from.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an empty workbook to fill in and import.",
        subcommands: [TemplateRegisterCommand.self]
    )
}
