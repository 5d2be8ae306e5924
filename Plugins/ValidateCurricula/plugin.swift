import Foundation
import PackagePlugin

/// `swift package validate-curricula [--path DIR]`: builds pathway and runs
/// `pathway pack validate` on the shipped curricula (or on DIR).
@main
struct ValidateCurricula: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let paths = extractor.extractOption(named: "path")
        let folders = paths.isEmpty
            ? [context.package.directoryURL.appending(path: "curricula").path]
            : paths.map { URL(fileURLWithPath: $0, relativeTo: context.package.directoryURL).path }
        // Building the product reuses the normal build folder (a tool dependency would build a second copy).
        let result = try packageManager.build(.product("pathway"), parameters: .init(configuration: .debug, logging: .concise))
        guard result.succeeded, let tool = result.builtArtifacts.first(where: { $0.kind == .executable }) else {
            Diagnostics.error("building pathway failed:\n\(result.logText)")
            return
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["pack", "validate"] + folders
        try process.run()
        process.waitUntilExit()
        if process.terminationReason != .exit || process.terminationStatus != 0 {
            Diagnostics.error("curriculum validation failed (pathway exited \(process.terminationStatus))")
        }
    }
}
