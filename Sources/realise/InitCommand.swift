import ArgumentParser

/// `realise init`: create or migrate a workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create or migrate the workspace database.")

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        try reporting {
            let opened = try workspace.open(create: true)
            Output.print("workspace ready: \(opened.address)\n")
        }
    }
}
