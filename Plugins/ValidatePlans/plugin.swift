import PackagePlugin
@main struct ValidatePlans: CommandPlugin { func performCommand(context: PluginContext, arguments: [String]) async throws {} }
