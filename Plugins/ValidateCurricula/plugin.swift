import Foundation
import PackagePlugin

/// `swift package validate-curricula [PATH...] [--path DIR]... [--strict]`: builds pathway and
/// runs `pathway pack validate` on the folders given (the shipped curricula when none), then
/// reports every problem through SwiftPM's diagnostics, with its file and line, so an editor
/// can show it in place. `--strict` makes warnings errors.
@main
struct ValidateCurricula: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let strict = extractor.extractFlag(named: "strict") > 0
        let given = extractor.extractOption(named: "path") + extractor.remainingArguments.filter { !$0.hasPrefix("-") }
        let unknown = extractor.remainingArguments.filter { $0.hasPrefix("-") }
        if !unknown.isEmpty {
            Diagnostics.error("unknown option \(unknown.joined(separator: ", ")); use: swift package validate-curricula [PATH...] [--strict]")
            return
        }
        let base = context.package.directoryURL
        let folders = given.isEmpty ? [base.appending(path: "curricula").path]
            : given.map { $0.hasPrefix("/") ? $0 : base.appending(path: $0).path }
        // Building the product reuses the normal build folder (a tool dependency would build a second copy).
        let result = try packageManager.build(.product("pathway"), parameters: .init(configuration: .debug, logging: .concise))
        guard result.succeeded, let tool = result.builtArtifacts.first(where: { $0.kind == .executable }) else {
            Diagnostics.error("building pathway failed:\n\(result.logText)")
            return
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["pack", "validate"] + (strict ? ["--strict"] : []) + folders
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var reported = 0
        for line in errorText.split(separator: "\n").map(String.init) {
            guard let diagnostic = PackDiagnosticLine(line) else {
                if !line.isEmpty { print(line) }
                continue
            }
            reported += 1
            // SwiftPM's terminal output shows only the message, so it starts with the place too.
            let message = diagnostic.place(relativeTo: base.path) + diagnostic.message
            if diagnostic.isError || strict {
                Diagnostics.error(message, file: diagnostic.file, line: diagnostic.line)
            } else {
                Diagnostics.warning(message, file: diagnostic.file, line: diagnostic.line)
            }
        }
        print(outputText, terminator: "")
        if (process.terminationReason != .exit || process.terminationStatus != 0) && reported == 0 {
            Diagnostics.error("curriculum validation failed (pathway exited \(process.terminationStatus))")
        }
    }
}

/// One `file:line:column: error|warning: message` line printed by `pathway pack validate`.
struct PackDiagnosticLine {
    var file: String
    var line: Int?
    var column: Int?
    var isError: Bool
    var message: String

    init?(_ text: String) {
        for (marker, isError) in [(": error: ", true), (": warning: ", false)] {
            guard let range = text.range(of: marker) else { continue }
            var location = text[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            var numbers: [Int] = []
            while let last = location.last, let number = Int(last), location.count > 1 {
                numbers.insert(number, at: 0)
                location.removeLast()
            }
            file = location.joined(separator: ":")
            line = numbers.first
            self.isError = isError
            column = numbers.count > 1 ? numbers[1] : nil
            message = String(text[range.upperBound...])
            return
        }
        return nil
    }

    /// `file:line:column: ` with the file relative to `base` when it lies inside it.
    func place(relativeTo base: String) -> String {
        let shown = file.hasPrefix(base + "/") ? String(file.dropFirst(base.count + 1)) : file
        return shown + (line.map { ":\($0)" } ?? "") + (column.map { ":\($0)" } ?? "") + ": "
    }
}
